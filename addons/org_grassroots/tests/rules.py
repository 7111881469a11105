from contextlib import contextmanager


class RefusalMixin:
    """``assertRaisesRegex`` inside a savepoint: Odoo's ``assertRaises`` rolls a refused write
    back (the database and the cache), unittest's ``assertRaisesRegex`` does not, so the values a
    constraint refused would stay in the cache for the rest of the test."""

    @contextmanager
    def assertRefused(self, exception, regex):
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)
