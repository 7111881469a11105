from odoo_test_helper import FakeModelLoader

from odoo.tests import TransactionCase, new_test_user


class OrgBaseCommon(TransactionCase):
    """Least-privileged users of each role; no demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(cls.env, "test_officer", groups="org_base.group_org_user")
        cls.user_leader = new_test_user(cls.env, "test_leader", groups="org_base.group_org_leader")
        cls.user_configurator = new_test_user(
            cls.env, "test_configurator", groups="org_base.group_org_configurator"
        )
        cls.user_manager = new_test_user(cls.env, "test_manager", groups="org_base.group_org_manager")
        cls.user_employee = new_test_user(cls.env, "test_employee", groups="base.group_user")


class FakeModelCase(TransactionCase):
    """Registers the fake models that ``_fake_models()`` returns for the class's tests
    (odoo-test-helper), to test a mixin on a model of no addon."""

    @classmethod
    def _fake_models(cls):
        """Import the classes here: they must be defined after the registry is backed up."""
        return ()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        # The loader rebuilds every model class of the module it is given; given the addon
        # (org_base), it would rebuild org_base's own models from org_base's classes alone and
        # lose what other addons add to them (org_cadre_study's field on org.dictionary.item,
        # on which hr.employee depends), breaking the registry of a database with every addon.
        # A module name of their own makes it build the fake models only.
        cls.loader._module_name = f"{cls.loader._module_name}_fake_models"
        cls.loader.backup_registry()
        cls.loader.update_registry(cls._fake_models())

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()


def cron_progress(env, cron_xmlid):
    """A progress row of the cron, as the cron worker makes one per run: a cron method called
    with ``ir_cron_progress_id`` set to it reports there (``ir.cron._notify_progress``) how many
    records it did and how many wait, for which the worker runs it again."""
    return env["ir.cron.progress"].create({"cron_id": env.ref(cron_xmlid).id})
