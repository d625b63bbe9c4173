"""No models: the caches' tables are Django's own (createcachetable after every migrate, apps.py).
The module exists so that `migrate` sends this app its post_migrate signal."""
