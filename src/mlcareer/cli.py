"""The command line: parse, call the layers below, print, exit. No logic of its own.

Heavy modules (yaml, rich, rapidfuzz) are imported inside the commands that use them, so
start-up and shell completion stay close to the cost of importing typer.
"""

import functools
import os
import sys
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .sections import SECTION_NAMES, SECTIONS


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class Settings:
    def __init__(self, data: list[str], color: str) -> None:
        self.data = data
        self.color = color
        self._catalog = None

    @property
    def catalog(self):
        if self._catalog is None:
            from .catalog import env_data_paths, load_catalog

            self._catalog = load_catalog([*env_data_paths(), *self.data])
        return self._catalog


def settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj or Settings([], "auto")


# --- completion ----------------------------------------------------------------------------------

def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        from .catalog import env_data_paths, load_catalog

        data = (ctx.find_root().params.get("data") or []) if ctx else []
        catalog = load_catalog([*env_data_paths(), *data])
        return [slug for slug in catalog.slugs() if slug.startswith(incomplete)]
    except Exception:  # noqa: BLE001 - a completion must never print an error
        return []


def complete_section(incomplete: str) -> list[str]:
    return [name for name in SECTION_NAMES if name.startswith(incomplete)]


# --- shared parameters -----------------------------------------------------------------------------

RoleArg = Annotated[str | None, typer.Argument(
    help="Role slug, title or alias, in any case (default: machine-learning-engineer).",
    autocompletion=complete_role, show_default=False, metavar="ROLE")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (shape: README, 'JSON output').")]
QuotesOpt = Annotated[bool, typer.Option("--quotes", "-q", help="Show the source sentence under each fact.")]


def handled(command):
    """Turn a user's error into one line on stderr and its exit code; end quietly on a closed pipe."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        from .errors import MlcareerError

        try:
            command(*args, **kwargs)
            sys.stdout.flush()
        except MlcareerError as exc:
            from . import output

            output.error(str(exc))
            raise typer.Exit(int(exc.exit_code)) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(141) from None

    return run


def _silence_stdout() -> None:
    # The reader has gone (`mlcareer titles | head`): point stdout at /dev/null so the
    # interpreter's final flush does not fail too.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def emit(ctx: typer.Context, as_json: bool, data_builder: str, blocks_builder: str, *args) -> None:
    """Print a result as JSON (``views.data``) or as a document (``views.blocks``): one place
    for the choice, so every command offers both and imports only the one it prints."""
    from . import output

    if as_json:
        from .views import data

        output.as_json(getattr(data, data_builder)(*args))
    else:
        from .views import blocks

        output.blocks(getattr(blocks, blocks_builder)(*args), settings(ctx).color)


# --- the app -------------------------------------------------------------------------------------

app = typer.Typer(
    name="mlcareer",
    help="A career advisor for machine learning, from curated and sourced role data.",
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mlcareer {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    data: Annotated[list[str] | None, typer.Option(
        "--data", "-d", metavar="PATH",
        help="A YAML role file to add (repeatable; also MLCAREER_DATA).")] = None,
    color: Annotated[Color, typer.Option(help="Colour and layout: auto (terminal only), always, never.")] = Color.auto,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = Settings(list(data or []), color.value)
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit()


def _profile(ctx: typer.Context, role: str | None, section_names: list[str], quotes: bool,
             fmt: Format) -> None:
    from . import output
    from .queries import resolve_role
    from .sections import find_section

    opts = settings(ctx)
    sections = [find_section(name) for name in section_names] or list(SECTIONS)
    found = resolve_role(opts.catalog, role)
    if fmt is Format.json:
        from .views import data

        output.as_json(data.profile(found, sections))
        return
    from .views import blocks

    page = blocks.profile(found, sections, quotes=quotes or fmt is Format.markdown)
    if fmt is Format.markdown:
        from .views import markdown

        output.text(markdown.render(page))
    else:
        output.blocks(page, opts.color)


@app.command()
@handled
def show(
    ctx: typer.Context,
    role: RoleArg = None,
    section: Annotated[list[str] | None, typer.Option(
        "--section", "-s", metavar="NAME", autocompletion=complete_section,
        help="Only this section (repeatable): " + ", ".join(SECTION_NAMES) + ".")] = None,
    quotes: QuotesOpt = False,
    json: JsonOpt = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, markdown or json.")] = Format.text,
) -> None:
    """The whole profile, section by section (what they do, pay, how to become one, ...)."""
    _profile(ctx, role, section or [], quotes, Format.json if json else fmt)


def _section_command(name: str, key: str, summary: str) -> None:
    def command(ctx: typer.Context, role: RoleArg = None, quotes: QuotesOpt = False, json: JsonOpt = False) -> None:
        _profile(ctx, role, [key], quotes, Format.json if json else Format.text)

    command.__doc__ = f"{summary[0].upper()}{summary[1:]} (same as: show --section {key.replace('_', '-')})."
    app.command(name)(handled(command))


_section_command("duties", "duties", "main and additional duties")
_section_command("path", "path", "the education and career steps, as an ordered roadmap")
_section_command("skills", "skills", "the skills the role needs")
_section_command("resources", "resources", "the free courses the source promotes")


@app.command()
@handled
def salary(
    ctx: typer.Context,
    role: RoleArg = None,
    json: JsonOpt = False,
) -> None:
    """Pay estimates per source, annual and hourly (derived figures marked), and their range."""
    from .queries import resolve_role, salary_summary

    opts = settings(ctx)
    summary = salary_summary(resolve_role(opts.catalog, role))
    emit(ctx, json, "salary_result", "salary_page", summary)


@app.command()
@handled
def titles(
    ctx: typer.Context,
    role: Annotated[str | None, typer.Argument(
        help="Only this role's titles (default: every role's).", autocompletion=complete_role,
        show_default=False)] = None,
    search: Annotated[str | None, typer.Option(
        "--search", "-s", metavar="QUERY", help="Rank by fuzzy match (typos and word order are fine).")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", min=1, help="Show at most N titles (a search shows 20 unless told).",
        show_default=False)] = None,
    json: JsonOpt = False,
) -> None:
    """Related job titles; --search ranks them by fuzzy match, with the score."""
    from .errors import NotFoundError
    from .queries import SEARCH_LIMIT, list_titles, resolve_role, search_titles
    from .text import shorten

    opts = settings(ctx)
    catalog = opts.catalog
    scope = resolve_role(catalog, role) if role else None
    if search is not None and search.strip():
        matches, total = search_titles(catalog, search, scope, limit or SEARCH_LIMIT)
        if not matches:
            raise NotFoundError(f"No related title matches {shorten(search)!r}. "
                                "Try fewer or other words, or 'mlcareer titles' for the full list.")
    else:
        every = list_titles(catalog, scope)
        matches, total = every[:limit], len(every)
    query = search if search is not None and search.strip() else None
    role_titles = {slug: title for slug, title, _ in catalog.names()}
    emit(ctx, json, "titles", "titles_page", matches, query, total, role_titles)


@app.command()
@handled
def roles(ctx: typer.Context, json: JsonOpt = False) -> None:
    """Every role in the catalog, and which file it comes from."""

    catalog = settings(ctx).catalog
    entries = [(slug, title, tuple(aliases), catalog.origin(slug), catalog.overridden.get(slug, []))
               for slug, title, aliases in catalog.names()]
    emit(ctx, json, "roles", "roles_page", entries)


@app.command()
@handled
def sources(ctx: typer.Context, role: RoleArg = None, json: JsonOpt = False) -> None:
    """Where each section's facts come from: the source, its dates, the headings."""
    _profile(ctx, role, ["sources"], False, Format.json if json else Format.text)


@app.command()
@handled
def compare(
    ctx: typer.Context,
    roles: Annotated[list[str], typer.Argument(
        help="Two or more roles (slug, title or alias).", autocompletion=complete_role,
        metavar="ROLE ROLE [ROLE...]")],
    json: JsonOpt = False,
) -> None:
    """Roles side by side: pay range, education path, skills shared and distinct, duties, titles."""
    from .errors import UsageError
    from .queries import compare_roles, resolve_role

    if len(roles) < 2:
        raise UsageError("Compare needs at least two roles, e.g. mlcareer compare mle my-role.")
    opts = settings(ctx)
    comparison = compare_roles([resolve_role(opts.catalog, name) for name in roles])
    emit(ctx, json, "compare", "compare_page", comparison)


@app.command()
@handled
def validate(
    files: Annotated[list[str], typer.Argument(help="Role files to check.", metavar="FILE...")],
    json: JsonOpt = False,
) -> None:
    """Check role files against the schema: every problem as file:line: field: message."""
    from . import output
    from .errors import ExitCode
    from .loader import validate_file

    results = [(path, *validate_file(path)) for path in files]
    if json:
        from .views import data

        output.as_json(data.validation(results))
    else:
        from .text import clean

        lines = []
        for path, roles, problems in results:
            if problems:
                lines += [clean(str(problem)) for problem in problems]
            else:
                lines.append(f"{clean(path)}: ok ({roles} role{'s' if roles != 1 else ''})")
        output.text("\n".join(lines) + "\n")
    if any(problems for _, _, problems in results):
        raise typer.Exit(int(ExitCode.DATA))


@app.command()
@handled
def fit(
    ctx: typer.Context,
    role: RoleArg = None,
    answers: Annotated[str | None, typer.Option(
        "--answers", "-a", metavar="LIST",
        help="Answer without prompts: yes, no or unsure (y, n, ?) for each question, comma-separated.")] = None,
    json: JsonOpt = False,
) -> None:
    """Is it for you? A few questions from the source, each answered with what the source says."""
    from .queries import parse_answer, parse_answers, resolve_role

    opts = settings(ctx)
    found = resolve_role(opts.catalog, role)
    if not found.fit:
        from .errors import NotFoundError

        raise NotFoundError(f"The {found.title} profile has no questions for 'fit'.")
    if answers is not None:
        given = parse_answers(answers, len(found.fit))
    else:
        given = []
        sys.stderr.write(f"{len(found.fit)} questions about {found.title}; answer yes, no or unsure "
                         "(y, n, ?). Ctrl-D stops.\n")
        for number, question in enumerate(found.fit, 1):
            while True:
                try:
                    reply = input(f"{number}. {question.question} ")
                except EOFError:
                    sys.stderr.write("\nstopped; nothing to summarise\n")
                    raise typer.Exit(0) from None
                answer = parse_answer(reply)
                if answer:
                    given.append(answer)
                    break
                sys.stderr.write("   please answer yes, no or unsure (y, n, ?)\n")
    emit(ctx, json, "fit", "fit_page", found, given)


ASK_HELP = ("Answer a career question from the curated data, with its source quotes.\n\n"
            "Answered: the section that answers it (exit 0). Not covered: the source says nothing on it; "
            "what it says on the nearest topic follows, labelled as such (exit 1). Not understood: the closest "
            "topics, if any, on stderr (exit 1). A related title without a profile: said so (exit 1).")


@app.command(help=ASK_HELP)
@handled
def ask(
    ctx: typer.Context,
    question: Annotated[list[str] | None, typer.Argument(
        help="Your question, in plain English (quotes optional). Without one: an interactive prompt.",
        metavar="QUESTION", show_default=False)] = None,
    role: Annotated[str | None, typer.Option(
        "--role", "-r", help="Ask about this role unless the question names one.", autocompletion=complete_role,
        show_default=False)] = None,
    json: JsonOpt = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, markdown or json.")] = Format.text,
) -> None:
    fmt = Format.json if json else fmt
    if question:
        code = _answer(ctx, " ".join(question), role, fmt)
        if code:
            raise typer.Exit(code)
        return
    if sys.stdin.isatty():
        try:
            import readline  # noqa: F401 - line editing and history for input()
        except ImportError:  # not on every platform
            pass
    from .answers import banner

    # The banner and the prompt go to stderr, so stdout holds answers only (`... | ask --json`).
    sys.stderr.write(banner() + "\n")
    while True:
        sys.stderr.write("ask> ")
        sys.stderr.flush()
        try:
            line = input()
        except EOFError:
            sys.stderr.write("\n")
            return
        if not line.strip():
            return
        _answer(ctx, line, role, fmt)
        sys.stdout.flush()


def _answer(ctx: typer.Context, question: str, role: str | None, fmt: "Format") -> int:
    """Print one answer; its exit code (README: "Exit codes")."""
    from . import output
    from .answers import NOT_UNDERSTOOD, answer

    result = answer(settings(ctx).catalog, question, role)
    if fmt is Format.json:
        emit(ctx, True, "answer", "", result)
    elif result.outcome == NOT_UNDERSTOOD:
        output.error(result.message or "")
    elif fmt is Format.markdown:
        from .views import blocks, markdown

        output.text(markdown.render(blocks.answer_page(result)))
    else:
        emit(ctx, False, "", "answer_page", result)
    return result.exit_code


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one-line usage errors, exit codes as documented."""
    from typer.main import get_command

    command = get_command(app)
    try:
        code = command.main(args=argv, prog_name="mlcareer", standalone_mode=False)
    except typer.TyperException as exc:  # usage errors: bad option, bad value
        from . import output

        ctx = getattr(exc, "ctx", None)  # click's usage errors carry the command they are about
        where = f" (see '{ctx.command_path} --help')" if ctx else ""
        output.error(exc.format_message() + where)
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        from . import output
        from .errors import ExitCode

        output.error("interrupted")
        code = ExitCode.INTERRUPTED
    sys.exit(int(code or 0))
