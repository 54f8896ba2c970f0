"""The `pressroom` command for staff: new, check, import, status, schema."""
