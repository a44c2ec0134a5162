"""Errors that reach the user: each names the file, the line, what is wrong and what is accepted."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a rule pack, a feature file, a step or an option. The CLI exits 2 on it."""

    def __init__(self, problem: str, *, file: str | None = None, line: int | None = None, accepted: str = ""):
        self.problem = problem
        self.file = file
        self.line = line
        self.accepted = accepted
        super().__init__(self.message())

    def where(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def message(self) -> str:
        head = f"{self.where()}: " if self.where() else ""
        tail = f" Accepted: {self.accepted}" if self.accepted else ""
        return f"{head}{self.problem}{tail}"


class StepErrors(InputError):
    """Every bad step of one scenario, found in one pass: an InputError whose message lists them all."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        first = errors[0] if errors else None
        super().__init__(
            "\n".join(e.message() for e in errors),
            file=first.file if first else None,
            line=first.line if first else None,
        )

    def message(self) -> str:
        return self.problem  # each error names its own file and line


class InputErrors(Exception):
    """Several input errors found in one pass, so the user can fix them all at once."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(e.message() for e in errors))
