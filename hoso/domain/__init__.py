"""The database-free core of hoso: records, dossiers, cảnh báo, approval, deadlines and audit."""
