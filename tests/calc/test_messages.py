"""Every error code raised in sif/calc has a Swedish message."""

import re
from pathlib import Path

from sif.calc.errors import SifError
from sif.calc.messages_sv import MESSAGES
from sif.messages import all_messages, message_for_error

CALC = Path(__file__).resolve().parents[2] / "sif" / "calc"
RAISED = re.compile(r"SifError\(\s*\"([a-z_]+)\"")


def raised_codes() -> set[str]:
    return {
        code
        for path in CALC.rglob("*.py")
        for code in RAISED.findall(path.read_text(encoding="utf-8"))
    }


def test_every_error_code_raised_in_sif_calc_has_a_swedish_message() -> None:
    codes = raised_codes()
    assert len(codes) >= 20
    missing = codes - all_messages().keys()
    assert not missing, sorted(missing)


def test_every_calc_message_is_in_the_assembled_table() -> None:
    assert MESSAGES.items() <= all_messages().items()


def test_a_message_names_the_input_and_its_value() -> None:
    error = SifError("share_out_of_range", field="outcomes[0].deadweight", value=1.2)
    assert (
        message_for_error(error)
        == "Andelen utfall 1: dödvikt måste ligga mellan 0 och 1, men är 1,2."
    )
