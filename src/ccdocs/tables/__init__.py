"""Tables placed from data: specs in document.yaml (`spec`), sums and checks (`compute`), cells formatted per language
(`place`), their texts listed for translation (`texts`). Nothing is imported here: a reader of the specs alone (the
PDF writer's charts) imports no placing (Jinja2, babel's catalog reader)."""
