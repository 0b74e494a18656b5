"""Charts drawn from data: specs in document.yaml (`spec`), figures checked like a table's and labels and values
printed per language (`place`), their texts listed for translation (`texts`, read by `tables.texts`)."""
