"""The complaint register's widgets (issue 17): the composer's wording line, the register
view, the forwarding sheet, the templates dialog, the reminder counts."""
