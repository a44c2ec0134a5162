"""The bundled scenario library, run as pytest tests through pytest-bdd with the engine's own steps."""

from pytest_bdd import scenarios

scenarios("scenarios")
