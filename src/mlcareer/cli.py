"""The command line: parse, call the layers below, print, exit. No logic of its own.

Heavy modules (yaml, rich, rapidfuzz) are imported inside the commands that use them, so
start-up and shell completion stay close to the cost of importing typer.
"""

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, ParamSpec

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .completion import COMPLETE_VAR, script
from .completion import main as complete
from .errors import ExitCode, MlcareerError, NotFoundError, UsageError
from .grammar import GRAMMAR
from .sections import SECTION_NAMES, SECTIONS, find_sections
from .text import counted


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class SourceFormat(str, Enum):
    html = "html"
    wordpress = "wordpress"
    markdown = "markdown"
    text = "text"


class Settings:
    def __init__(self, data: list[str], color: str, pager: bool = True) -> None:
        self.given = data  # --data as given: checked when a command reads it, so --json reports it as JSON
        self.color = color
        self.pager = pager
        self._catalog = None

    @property
    def data(self) -> list[str]:
        return file_names(self.given, "--data")

    @property
    def catalog(self):
        if self._catalog is None:
            # start-up: --help and Tab do not read the catalog
            from .catalog import load_named

            self._catalog = load_named(self.data)
        return self._catalog


def settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj or Settings([], "auto")


def file_names(values: list[str] | None, name: str) -> list[str]:
    """File names as given; an empty one is a usage error naming the option or argument (it would
    otherwise read as a file called '')."""
    if any(not value.strip() for value in values or []):
        raise UsageError(f"{name} is empty; give a file name.")
    return list(values or [])


def chosen(as_json: bool, fmt: Format | None) -> Format:
    """``--json`` is short for ``--format json``; with another ``--format`` it is a usage error,
    not a silent choice of one of them."""
    if as_json and fmt not in (None, Format.json):
        raise UsageError(f"--json and --format {fmt.value} conflict; give one of them.")
    return Format.json if as_json else fmt or Format.text


# --- shared parameters -----------------------------------------------------------------------------

RoleArg = Annotated[list[str] | None, typer.Argument(
    help="Role slug, title or alias, in any case, quotes optional (default: machine-learning-engineer).",
    show_default=False, metavar="[ROLE]")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (shape: README, 'JSON output'); = --format json.")]
FormatOpt = Annotated[Format | None, typer.Option("--format", "-f", metavar="FORMAT",
                                                  help="text, markdown or json (default: text).", show_default=False)]
QuotesOpt = Annotated[bool, typer.Option("--quotes", "-q", help="Show the source sentence under each fact.")]


def handled(command):
    """Turn a user's error into one line on stderr and its exit code; end quietly on a closed pipe.

    With ``--json`` a failing command still prints a JSON document (``{"error": ...}``)."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            command(*args, **kwargs)
            sys.stdout.flush()
        except MlcareerError as exc:
            # start-up: --help and Tab do not load the query, view and output layers
            from . import output

            if kwargs.get("json") or kwargs.get("fmt") is Format.json:
                # start-up: --help and Tab do not load the query, view and output layers
                from .views import data

                output.as_json(data.error(str(exc), int(exc.exit_code), exc.suggestions))
                sys.stdout.flush()
            output.error(str(exc))
            raise typer.Exit(int(exc.exit_code)) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(int(ExitCode.BROKEN_PIPE)) from None

    return run


def _silence_stdout() -> None:
    # The reader has gone (`mlcareer titles | head`): point stdout at /dev/null so the
    # interpreter's final flush does not fail too.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


P = ParamSpec("P")


def emit(ctx: typer.Context, fmt: Format, to_data: Callable[P, object], to_blocks: Callable[P, list],
         *args: P.args, **kwargs: P.kwargs) -> None:
    """Print a result in the format asked for: JSON (``to_data``, from ``views.data``), or the
    document ``to_blocks`` builds (``views.blocks``) as text or Markdown. One place for the
    choice, so every command offers every format."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output

    if fmt is Format.json:
        output.as_json(to_data(*args, **kwargs))
        return
    page = to_blocks(*args, **kwargs)
    if fmt is Format.markdown:
        # start-up: --help and Tab do not load the query, view and output layers
        from .views import markdown

        output.text(markdown.render(page))
    else:
        opts = settings(ctx)
        output.blocks(page, opts.color, pager=opts.pager)


def emit_or_miss(ctx: typer.Context, fmt: Format, missing: str | None, to_data: Callable[P, object],
                 to_blocks: Callable[P, list], *args: P.args, **kwargs: P.kwargs) -> None:
    """``emit``; then, when the result is empty, say why on stderr and exit 1 (JSON still printed)."""
    if missing is None or fmt is Format.json:
        emit(ctx, fmt, to_data, to_blocks, *args, **kwargs)
    if missing is not None:
        sys.stdout.flush()
        # start-up: --help and Tab do not load the query, view and output layers
        from . import output

        output.error(missing)
        raise typer.Exit(int(NotFoundError.exit_code))


def role_of(ctx: typer.Context, name: str | list[str] | None):
    """The role a ROLE argument names (its words, unquoted, are one name, as ``ask`` takes the
    words of a question); a note on stderr when a close match stood in for it."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .queries import find_role

    if isinstance(name, list):
        name = " ".join(name) if name else None  # show "" is an empty name: a usage error
    found = find_role(settings(ctx).catalog, name)
    if found.note:
        output.note(found.note)
    return found.role


# --- the app -------------------------------------------------------------------------------------

# Examples shown by each command's --help (and the man page), by command name ("" for mlcareer itself):
# (what it does, the command line). tests/test_help.py runs every one.
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "": [("The whole profile of the built-in role, machine learning engineer", "mlcareer show"),
         ("Pay, per source", "mlcareer salary"),
         ("Ask a question in plain English", "mlcareer ask how long does it take"),
         ("Add your own roles from a file", "mlcareer --data my-roles.yaml roles")],
    "show": [("The whole profile", "mlcareer show"),
             ("Only pay and skills, with the source sentences", "mlcareer show -s salary,skills -q"),
             ("As JSON, for a script", "mlcareer show --json"),
             ("A role of your own", "mlcareer show data-wrangler --data my-roles.yaml")],
    "salary": [("Pay per source, annual and hourly", "mlcareer salary"),
               ("As JSON", "mlcareer salary --json")],
    "titles": [("Every related job title", "mlcareer titles"),
               ("Titles like a phrase, typos allowed", "mlcareer titles --search 'data sceintist'"),
               ("The five best matches as Markdown", "mlcareer titles --search data -n 5 -f markdown")],
    "roles": [("Every role and the file it comes from", "mlcareer roles"),
              ("With your own file", "mlcareer roles --data my-roles.yaml")],
    "sources": [("Where the facts come from", "mlcareer sources"),
                ("As JSON", "mlcareer sources --json")],
    "compare": [("Two roles side by side", "mlcareer compare mle data-wrangler --data my-roles.yaml"),
                ("As JSON", "mlcareer compare mle data-wrangler --data my-roles.yaml --json")],
    "example-role": [("Start a role file of your own", "mlcareer example-role > my-roles.yaml"),
                     ("Then use it", "mlcareer --data my-roles.yaml show data-wrangler"),
                     ("The saved source its quotes come from, for verify", "mlcareer example-role --source > my-source.md")],
    "validate": [("Check a role file", "mlcareer validate my-roles.yaml"),
                 ("The problems as JSON", "mlcareer validate my-roles.yaml --json")],
    "verify": [("Check the built-in data against a saved copy of the article (HTML, JSON or Markdown)",
                "mlcareer verify --source article.md"),
               ("Your own file against its source; warnings count too",
                "mlcareer verify my-roles.yaml --source my-source.md --strict")],
    "fit": [("Answer the questions one by one", "mlcareer fit"),
            ("Answer them all at once", "mlcareer fit --answers y,y,n,u,y,n")],
    "help": [("Help on one command", "mlcareer help titles"),
             ("The manual page", "mlcareer help --man | man -l -")],
    "completion": [("Tab completion in bash (add the line to ~/.bashrc)", 'eval "$(mlcareer completion bash)"'),
                   ("In fish", "mlcareer completion fish | source")],
    "ask": [("A question, quotes optional", "mlcareer ask what does an ML engineer do"),
            ("As JSON", "mlcareer ask 'how much do they earn?' --json"),
            ("Questions one after another", "mlcareer ask")],
}
for _key in ("duties", "path", "skills", "resources"):
    EXAMPLES[_key] = [("This section of the profile", f"mlcareer {_key}")]
    if _key != "resources":  # resources shows each course's and link's own words: --quotes adds nothing
        EXAMPLES[_key].append(("With the source sentences", f"mlcareer {_key} --quotes"))


def _help_page(command, ctx) -> str:
    """The help of a command: our own renderer, over the same tree click parses with."""
    import shutil

    # start-up: only help pages and the man page load the help renderer
    from .helptext import describe, render

    return render(describe(command, ctx, EXAMPLES), shutil.get_terminal_size().columns)


class HelpPage:
    def get_help(self, ctx) -> str:
        return _help_page(self, ctx)


class HelpGroup(HelpPage, TyperGroup):
    pass


class HelpCommand(HelpPage, TyperCommand):
    pass


class App(typer.Typer):
    """A Typer whose every command prints mlcareer's help (``cls`` is typer's public hook)."""

    def command(self, *args, cls=HelpCommand, **kwargs):
        return super().command(*args, cls=cls, **kwargs)


app = App(
    cls=HelpGroup,
    name="mlcareer",
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,  # help is plain text: no box drawing, no shortened options, any width
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mlcareer {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
@handled
def main_options(
    ctx: typer.Context,
    data: Annotated[list[str] | None, typer.Option(
        "--data", "-d", metavar="PATH",
        help="A YAML role file to add (repeatable; also MLCAREER_DATA).")] = None,
    color: Annotated[Color, typer.Option(
        "--color", metavar="WHEN", help="Colour: auto (in a terminal, unless NO_COLOR), always, never.")] = Color.auto,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Never page long output (else $MLCAREER_PAGER, $PAGER or less -R in a terminal).")] = False,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """A career advisor for machine learning, from curated and sourced role data.

    Global options go before or after the command.
    """
    ctx.obj = Settings(list(data or []), color.value, not no_pager)
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit()


def _profile(ctx: typer.Context, role: list[str] | None, section_names: list[str], quotes: bool,
             fmt: Format) -> None:
    # start-up: --help and Tab do not load the query, view and output layers
    from .views import blocks, data

    sections = find_sections(section_names) or list(SECTIONS)
    found = role_of(ctx, role)
    page = functools.partial(blocks.profile, quotes=quotes or fmt is Format.markdown)
    emit(ctx, fmt, data.profile, page, found, sections)


@app.command()
@handled
def show(
    ctx: typer.Context,
    role: RoleArg = None,
    section: Annotated[list[str] | None, typer.Option(
        "--section", "-s", metavar="NAME",
        help="Only these sections (repeatable, or comma-separated; a word of the heading will do): "
             + ", ".join(SECTION_NAMES) + ".")] = None,
    quotes: QuotesOpt = False,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """The whole profile, section by section (what they do, pay, how to become one, ...)."""
    _profile(ctx, role, section or [], quotes, chosen(json, fmt))


def _section_command(key: str) -> None:
    section = next(s for s in SECTIONS if s.key == key)

    def command(ctx: typer.Context, role: RoleArg = None, quotes: QuotesOpt = False, json: JsonOpt = False,
                fmt: FormatOpt = None) -> None:
        _profile(ctx, role, [key], quotes, chosen(json, fmt))

    command.__doc__ = f"{section.summary[0].upper()}{section.summary[1:]} (same as: show --section {section.name})."
    app.command(section.name)(handled(command))


for _key in ("duties", "path", "skills", "resources"):
    _section_command(_key)


@app.command()
@handled
def salary(ctx: typer.Context, role: RoleArg = None, json: JsonOpt = False, fmt: FormatOpt = None) -> None:
    """Pay estimates per source, each with its measure, annual and hourly (derived figures marked)."""
    # start-up: --help and Tab do not load the query, view and output layers
    from .queries import salary_summary
    from .views import blocks, data

    emit(ctx, chosen(json, fmt), data.salary_result, blocks.salary_page, salary_summary(role_of(ctx, role)))


@app.command()
@handled
def titles(
    ctx: typer.Context,
    role: Annotated[list[str] | None, typer.Argument(
        help="Only this role's titles (default: every role's); with --search, words that name no "
             "role are the rest of the search.", metavar="[ROLE]",
        show_default=False)] = None,
    search: Annotated[str | None, typer.Option(
        "--search", metavar="QUERY", help="Rank by fuzzy match (typos and word order are fine).")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", min=1, metavar="N", help="Show at most N titles (a search shows 20 unless told).",
        show_default=False)] = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Related job titles; --search ranks them by fuzzy match, with the score."""
    # start-up: --help and Tab do not load the query, view and output layers
    from .queries import find_titles, titles_words
    from .views import blocks, data

    catalog = settings(ctx).catalog
    if role and not " ".join(role).strip():
        role_of(ctx, role)  # titles "": the usage error an empty role name is everywhere, not every title
    search, name = titles_words(catalog, search, role or [])
    scope = role_of(ctx, name) if name else None
    result = find_titles(catalog, search, scope, limit)
    emit_or_miss(ctx, chosen(json, fmt), result.missing, data.titles, blocks.titles_page, result)


@app.command()
@handled
def roles(ctx: typer.Context, json: JsonOpt = False, fmt: FormatOpt = None) -> None:
    """Every role in the catalog, and which file it comes from."""
    # start-up: --help and Tab do not load the query, view and output layers
    from .queries import list_roles
    from .views import blocks, data

    emit(ctx, chosen(json, fmt), data.roles, blocks.roles_page, list_roles(settings(ctx).catalog))


@app.command()
@handled
def sources(ctx: typer.Context, role: RoleArg = None, json: JsonOpt = False, fmt: FormatOpt = None) -> None:
    """Where each section's facts come from: the source, its dates, the headings."""
    _profile(ctx, role, ["sources"], False, chosen(json, fmt))


@app.command()
@handled
def compare(
    ctx: typer.Context,
    # Not required, so that none given gets compare_needs_two's advice instead of a bare "Missing argument".
    roles: Annotated[list[str] | None, typer.Argument(
        help="Two or more roles (slug, title or alias).", metavar="ROLE ROLE [ROLE...]", show_default=False)] = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Roles side by side: pay per source and measure, education path, skills shared and distinct, duties, titles."""
    # start-up: --help and Tab do not load the query, view and output layers
    from .queries import compare_needs_two, compare_roles
    from .views import blocks, data

    roles = roles or []
    compare_needs_two(settings(ctx).catalog, len(roles))
    comparison = compare_roles([role_of(ctx, name) for name in roles])
    emit(ctx, chosen(json, fmt), data.compare, blocks.compare_page, comparison)


@app.command("example-role")
@handled
def example_role(
    source: Annotated[bool, typer.Option(
        "--source", help="Print the saved source that file's quotes come from instead, for verify.")] = False,
) -> None:
    """Print a starter role file to save and edit: mlcareer example-role > my-roles.yaml."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .catalog import starter_path

    with open(starter_path("source" if source else "role"), encoding="utf-8") as handle:
        output.text(handle.read())


@app.command()
@handled
def validate(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="Role files to check.", metavar="FILE...")],
    json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Check role files against the schema: every problem as file:line: field: message."""
    # start-up: --help and Tab do not load the query, view and output layers
    from .queries import check_files
    from .views import blocks, data

    checks = check_files(file_names(files, "validate's FILE"))
    emit(ctx, chosen(json, fmt), data.validation, blocks.validation_page, checks)
    if any(check.problems for check in checks):
        raise typer.Exit(int(ExitCode.DATA))


class VerifyFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
@handled
def verify(
    ctx: typer.Context,
    files: Annotated[list[str] | None, typer.Argument(
        help="Role files to check (default: the --data and MLCAREER_DATA files, else the built-in data).",
        metavar="[FILE]...", show_default=False)] = None,
    source: Annotated[list[str] | None, typer.Option(
        "--source", metavar="PATH|ID=PATH",
        help="A saved copy of a source: web page (HTML), WordPress post (JSON), Markdown or text. "
             "Repeatable; ID=PATH names the source id it is. Default: each source's 'saved' path in the role file.")] = None,
    source_format: Annotated[SourceFormat | None, typer.Option(
        "--source-format", help="Read every source as this format, whatever its content looks like.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings count as problems.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="CODES", help="Only these rules (codes or prefixes, comma-separated: V1,V401).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="CODES", help="Leave out these rules (codes or prefixes, comma-separated).")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Write the fixes verify knows (a missing section, a source's newer date, a renamed "
                      "heading) into the role files.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print those fixes as a unified diff, and on stderr the problems they leave; write nothing.")] = False,
    json: JsonOpt = False,
    fmt: Annotated[VerifyFormat, typer.Option(
        "--format", "-f", help="text, json or github (workflow annotations).")] = VerifyFormat.text,
) -> None:
    """Check role files against saved sources: quotes verbatim, under their headings, every figure."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .catalog import env_data_paths, once
    from .verify import Rules, fixes_for, source_spec
    from .verify import verify as check
    from .views import verification

    if fix and diff:
        raise UsageError("Give --fix or --diff, not both.")
    rules = Rules.parse(select or [], ignore or [])
    paths = file_names(files, "verify's FILE") or once([*env_data_paths(), *settings(ctx).data])
    report = check(paths, [source_spec(value) for value in source or []], strict,
                   source_format.value if source_format else None, rules)
    chosen_format = VerifyFormat.json if json else fmt
    if diff or fix:
        edits = fixes_for(report)
        if fix:
            for edit in edits:
                edit.write()
            output.note(verification.fixed(edits))
        # what holds after the fixes: the file as written (--fix) or as the diff would leave it
        if edits:
            report = check(paths, [source_spec(value) for value in source or []], strict,
                           source_format.value if source_format else None, rules,
                           {edit.path: edit.after for edit in edits})
        if diff:
            # the patch alone on stdout (it pipes to patch or git apply); what it leaves, on stderr
            output.text(verification.unified_diff(edits))
            for line in verification.remaining(report):
                output.prompt(line)
            if report.exit_code:
                raise typer.Exit(report.exit_code)
            return
    if chosen_format is VerifyFormat.json:
        output.as_json(verification.data(report))
    elif chosen_format is VerifyFormat.github:
        output.text(verification.github(report))
    else:
        output.records(verification.text(report), settings(ctx).color)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


@app.command()
@handled
def fit(
    ctx: typer.Context,
    role: RoleArg = None,
    answers: Annotated[str | None, typer.Option(
        "--answers", "-a", metavar="LIST",
        help="Answer without prompts: yes, no or unsure (y, n, u) for each question, comma-separated, "
             "e.g. y,n,u,y,y,n.")] = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Is it for you? A few questions of mlcareer's, based on the article, each answered with what the article says."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .queries import ANSWER_HELP, answers_from_lines, parse_answers
    from .views import blocks, data

    found = role_of(ctx, role)
    if not found.fit:
        raise NotFoundError(f"The {found.title} profile has no questions for 'fit'.")
    fmt = chosen(json, fmt)
    count = len(found.fit)
    if answers is not None:
        given = parse_answers(answers, count)
    elif not output.stdin_is_terminal():  # piped in, one a line, as a script or a file gives them
        given = answers_from_lines(sys.stdin.read(MAX_PIPED).splitlines(), count)
        if not given:
            raise UsageError(f"fit asks its questions in a terminal; without one, give the answers: "
                             f"--answers with {count} of {ANSWER_HELP}, comma-separated, or one a line on stdin.")
    else:
        given = _ask_fit_questions(found)
        if len(given) < count:
            output.prompt("")  # Ctrl-D ends no line: the note starts on its own
    if len(given) < count:
        stopped = f"stopped after {counted(len(given), 'answer')} of {count}"
        if not given:
            output.note(f"{stopped}; nothing to summarise")
            raise typer.Exit(0)
        output.note(f"{stopped}; the summary covers those")
    emit(ctx, fmt, data.fit, blocks.fit_page, found, given)


MAX_PIPED = 64 * 1024  # characters of piped answers read: far more than any questions need


def _ask_fit_questions(role) -> list[str]:
    """The answers typed at the prompts on stderr; Ctrl-D stops, keeping those already given."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .queries import ANSWER_HELP, parse_answer

    given: list[str] = []
    output.prompt(f"{len(role.fit)} questions about {role.title}; answer {ANSWER_HELP}. "
                  "Ctrl-D stops (the summary covers the answers given).")
    for number, question in enumerate(role.fit, 1):
        while True:
            output.prompt(f"{number}. {question.question}", end=" ")
            reply = sys.stdin.readline()
            if not reply:
                return given
            answer = parse_answer(reply)
            if answer:
                given.append(answer)
                break
            output.prompt(f"please answer {ANSWER_HELP}")
    return given


@app.command("help")
def help_command(
    ctx: typer.Context,
    command: Annotated[list[str] | None, typer.Argument(
        help="The command to explain (default: all of them).", metavar="[COMMAND]", show_default=False)] = None,
    man: Annotated[bool, typer.Option("--man", help="Print the manual page (roff), e.g. for man -l -.")] = False,
) -> None:
    """Help on a command (same as: mlcareer COMMAND --help)."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output

    root = ctx.find_root()
    if man and command:  # one manual page holds every command: a command name would be ignored
        output.error("--man prints the whole manual page; give no command with it (e.g. mlcareer help --man).")
        raise typer.Exit(int(ExitCode.USAGE))
    if man:
        sys.stdout.write(man_page())
        return
    if not command:
        sys.stdout.write(root.get_help() + "\n")
        return
    name = command[0]
    group = root.command
    found = group.get_command(root, name) if hasattr(group, "get_command") else None
    if found is None:
        output.error(f"No command {name!r}. Commands: {', '.join(sorted(app_commands()))}.")
        raise typer.Exit(int(ExitCode.USAGE))
    sub = typer.Context(found, info_name=name, parent=root)
    sys.stdout.write(sub.get_help() + "\n")


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command()
def completion(shell: Annotated[Shell, typer.Argument(
        help="bash, zsh or fish.", metavar="SHELL", show_default=False)]) -> None:
    """Print the shell completion script for SHELL.

    bash: put eval "$(mlcareer completion bash)" in ~/.bashrc; zsh: the same line with zsh in
    ~/.zshrc after compinit; fish: mlcareer completion fish | source, in config.fish.
    """
    sys.stdout.write(script(shell.value))


def app_commands() -> list[str]:
    from typer.main import get_command

    group = get_command(app)
    return list(getattr(group, "commands", {}))


ENVIRONMENT = (
    ("MLCAREER_DATA", "Role files to add, before any --data (separated by the path separator, ':' on Unix)."),
    ("NO_COLOR", "When set and not empty, no colour unless --color always."),
    ("MLCAREER_PAGER, PAGER", "The pager for long output in a terminal (default: less -R; empty or cat: none)."),
    ("MLCAREER_CACHE_DIR", "Where parsed role files are cached (default: the user's cache folder)."),
    ("MLCAREER_NO_CACHE", "When set (and not 0), nothing is read from or written to the cache."),
    ("COLUMNS", "The width to lay output out for, instead of the terminal's."),
)


def root_page():
    """The help model of the whole command tree (``helptext.Page``)."""
    from typer.main import get_command

    # start-up: only help pages and the man page load the help renderer
    from .helptext import describe

    group = get_command(app)
    return describe(group, typer.Context(group, info_name="mlcareer"), EXAMPLES)


def man_page() -> str:
    """mlcareer(1), generated from the same tree as --help."""
    # start-up: only help pages and the man page load the help renderer
    from .helptext import man_page as render_man

    codes = [(int(code), code.name.replace("_", " ").lower()) for code in ExitCode]
    return render_man(root_page(), __version__, codes, ENVIRONMENT)


ASK_HELP = ("Answer a career question from the curated data, with its source quotes.\n\n"
            "Answered: the section that answers it (exit 0). Not covered: the source says nothing on it; "
            "what it says on the nearest topic follows, labelled as such (exit 1). Not understood: the closest "
            "sections, if any, labelled as guesses (exit 1). A related title without a profile: said so (exit 1).\n\n"
            "Without a question: one question a line from stdin; in a terminal, a prompt (? lists the topics, q "
            "leaves); otherwise answers only (with --json, one JSON document a line), exit 1 if any was not answered, 2 if there was none.")


@app.command(help=ASK_HELP)
@handled
def ask(
    ctx: typer.Context,
    question: Annotated[list[str] | None, typer.Argument(
        help="Your question, in plain English (quotes optional). Without one: an interactive prompt.",
        metavar="QUESTION", show_default=False)] = None,
    role: Annotated[str | None, typer.Option(
        "--role", "-r", metavar="ROLE", help="Ask about this role unless the question names one.",
        show_default=False)] = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    fmt = chosen(json, fmt)
    if role is not None and not role.strip():
        role_of(ctx, role)  # --role "": the usage error an empty role name is everywhere
    if question:
        code = _answer(ctx, " ".join(question), role, fmt)
        if code:
            raise typer.Exit(code)
        return
    terminal = sys.stdin.isatty()
    code = _session(ctx, role, fmt, terminal)
    if code and not terminal:
        raise typer.Exit(code)


def _session(ctx: typer.Context, role: str | None, fmt: Format, terminal: bool) -> int:
    """Answer one question a line from stdin; 1 if any was not answered, 2 (a usage error, said
    on stderr) if stdin ended before any question or `q`, else 0. In a terminal, a banner and the
    `ask> ` prompt on stderr (stdout holds answers only: `... | ask --json`); otherwise neither,
    so a file of questions gives answers only. Blank lines and lines with no words are skipped;
    `?`/`help` list the topics (in a terminal; elsewhere they are skipped), `q`/`quit`/`exit` leave."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .answers import HELP_WORDS, LEAVING, QUIT_WORDS, banner, topic_list

    if terminal:
        try:
            import readline  # noqa: F401 - line editing and history for input()
        except ImportError:  # not on every platform
            pass
        output.prompt(banner())
    unanswered = False
    printed = False  # an answer was printed: the next is set apart from it
    asked = False  # a question was answered: a pipe that ends with none is a mistake, as in `fit`
    while True:
        try:  # the prompt inside: a Ctrl-C just after it is written is one at the prompt
            if terminal:
                sys.stderr.write("ask> ")
                sys.stderr.flush()
            line = input()
        except (EOFError, KeyboardInterrupt) as exc:
            if terminal:  # Ctrl-D or Ctrl-C ends no line: what follows starts on its own
                sys.stderr.write("\n")
            if isinstance(exc, KeyboardInterrupt):
                raise
            if not asked and not terminal:
                output.error("No question on stdin: one question a line, or as an argument: "
                             "mlcareer ask 'how much does an ML engineer make?'")
                return int(ExitCode.USAGE)
            return int(unanswered)
        command = line.strip().lower()
        if not command:
            continue
        if command in QUIT_WORDS:
            return int(unanswered)
        if command in HELP_WORDS:
            if terminal:  # a file of questions gives answers only
                output.prompt(f"{topic_list()} {LEAVING}")
            continue
        try:
            unanswered |= _answer(ctx, line, role, fmt, several=True, after=printed) != 0
            printed = asked = True
        except UsageError:  # punctuation alone: no words to ask about
            if terminal:
                output.prompt(f"Type a question in words. {LEAVING}")
        sys.stdout.flush()


def _answer(ctx: typer.Context, question: str, role: str | None, fmt: Format, several: bool = False,
            after: bool = False) -> int:
    """Print one answer (with ``several``, JSON as one line: JSON Lines; ``after`` another answer,
    text and Markdown set apart by a blank line); its exit code (README: "Exit codes")."""
    # start-up: --help and Tab do not load the query, view and output layers
    from . import output
    from .answers import answer
    from .views import blocks, data

    result = answer(settings(ctx).catalog, question, role)
    if several and fmt is Format.json:
        output.as_json(data.answer(result), compact=True)
    else:
        if after:
            sys.stdout.write("\n")
        emit(ctx, fmt, data.answer, blocks.answer_page, result)
    return result.exit_code


def _global_options() -> dict[str, bool]:
    """The options that belong to mlcareer itself, each with whether it takes a value."""
    return {name: GRAMMAR["options"][name]["value"] for name in GRAMMAR["after_command"]
            if name not in ("-h", "--help")}


def globals_first(args: list[str]) -> list[str]:
    """Global options given after the command (``show wrangler --data my.yaml``) moved before it,
    as gh and httpie users expect; nothing after ``--`` is touched. Which options are global, and
    which take a value, is the grammar's (the click tree's) word."""
    options = _global_options()

    def global_at(arg: str) -> tuple[bool, bool]:
        """(is a global option, its value is the next word)."""
        name, eq, _ = arg.partition("=")
        if name in options:
            return True, options[name] and not eq
        short = arg[:2]  # -dFILE
        if not arg.startswith("--") and short in options and options[short] and len(arg) > 2:
            return True, False
        return False, False

    command_at = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return args
        if not arg.startswith("-") or arg == "-":
            command_at = i
            break
        i += 2 if global_at(arg) == (True, True) else 1
    if command_at is None:
        return args
    before, tail = args[:command_at], args[command_at:]
    moved: list[str] = []
    rest: list[str] = []
    j = 0
    while j < len(tail):
        arg = tail[j]
        if arg == "--":
            rest += tail[j:]
            break
        is_global, takes_next = global_at(arg)
        if takes_next and j + 1 == len(tail):  # its value is missing: mlcareer itself says so
            return before + moved + [arg]
        if is_global:
            moved += tail[j:j + 2] if takes_next else [arg]
            j += 2 if takes_next else 1
            continue
        rest.append(arg)
        j += 1
    return before + moved + rest


def _belongs_after(group, args: list[str], option: str | None) -> str | None:
    """The command line with an option moved after the command, when it was given before the
    command and is that command's own ("mlcareer --json show nurse"); else None."""
    from .text import shell_command  # start-up: only this usage error reads it

    at = next((i for i, a in enumerate(args) if a in group.commands), None)
    sub = group.commands.get(args[at]) if option and at is not None else None
    param = next((p for p in sub.params if option in p.opts), None) if sub else None
    if at is None or param is None or option not in args[:at]:
        return None
    start = args.index(option)
    taken = 1 if getattr(param, "is_flag", False) or getattr(param, "count", False) else 2
    moved = args[start:start + taken]
    rest = args[:start] + args[start + taken:]
    at -= taken
    return shell_command("mlcareer", *rest[:at + 1], *moved, *rest[at + 1:])


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one-line usage errors, exit codes as documented."""
    from typer.main import get_command

    if COMPLETE_VAR in os.environ:  # a Tab: answered from the grammar (``__main__`` does it before importing us)
        complete()
    command = get_command(app)
    args = globals_first(list(sys.argv[1:] if argv is None else argv))
    try:
        code = command.main(args=args, prog_name="mlcareer", standalone_mode=False)
    except typer.TyperException as exc:  # usage errors: bad option, bad value
        # start-up: --help and Tab do not load the query, view and output layers
        from . import output

        ctx = getattr(exc, "ctx", None)  # click's usage errors carry the command they are about
        where = f" (see '{ctx.command_path} --help')" if ctx else ""
        message = exc.format_message()
        after = _belongs_after(command, args, getattr(exc, "option_name", None))
        if after:  # "mlcareer --json show": the option is the command's, given before it
            message, where = f"{getattr(exc, 'option_name', '')} is an option of the command: it goes after it", f" ({after})"
        # "No such command 'bogus'." reads on: the pointer goes before the full stop
        output.error(f"{message[:-1]}{where}." if where and message.endswith(".") else message + where)
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        # start-up: --help and Tab do not load the query, view and output layers
        from . import output

        output.error("interrupted")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # help or version into a pipe whose reader has gone
        _silence_stdout()
        code = ExitCode.BROKEN_PIPE
    except SystemExit as exc:
        # click ends a closed pipe during --help with exit 1, after wrapping stdout to silence it
        if type(sys.stdout).__name__ != "PacifyFlushWrapper":
            raise
        _silence_stdout()
        code = ExitCode.BROKEN_PIPE if exc.code == 1 else exc.code
    sys.exit(int(code or 0))
