from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Guanmo's user. Its own model from the first migration, as Django advises, so that roles
    and scopes (the next issue) are fields here rather than a profile beside auth.User."""

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"
