from cms.plugins import ContentPlugin


class ContractBreachConfig(ContentPlugin):
    """A throw-away plugin whose page types break the contract; only ``manage.py check`` sees
    it (tests/cms/test_plugins.py installs it through the ``cms.plugins`` entry point)."""

    name = "tests.plugins.contract_breach"
    label = "contract_breach"
