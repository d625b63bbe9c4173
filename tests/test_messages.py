"""The message table: a parameter may be called `code` without clashing with the error's own code."""

from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error


def test_an_error_parameter_named_code_reaches_the_swedish_message() -> None:
    error = SifError("application_form_unknown", code="application_huge")
    assert error.code == "application_form_unknown"
    assert message_for_error(error) == "Ansökningsformuläret application_huge finns inte."


def test_an_unknown_code_gets_a_message_that_names_it() -> None:
    assert "no_such_code" in message_for("no_such_code")
