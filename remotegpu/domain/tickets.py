"""Support tickets: gap-free numbers, the issue and requirement lifecycles (comments on them are
in ticket_comments.py).

Who may act on a ticket: its reporter, its assignee and staff (admin, internal) see it; to
anyone else it does not exist (NOT_FOUND, exactly like a missing one). Only staff are
assignees and move tickets past their first state; the reporter may close its own issue.
The reporter hears (a `system` notification) when someone else assigns or moves its ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, Issue, Requirement
from remotegpu.domain.enums import IssueType, TicketPriority
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.validators import check_choice, spelled

T = TypeVar("T", Issue, Requirement)

TITLE_MAX = 256  # issues.title / requirements.title VARCHAR(256)
TEXT_MAX = 10_000  # descriptions and comments: TEXT columns, bounded by policy
STAFF_TYPES = ("admin", "internal")
PRIORITIES = tuple(TicketPriority)
ISSUE_TYPES = tuple(IssueType)


class Keep(Enum):
    """'Leave this field as it is' in an update, where None means 'clear it'."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class TicketKind(Generic[T]):
    name: str  # issue | requirement: audit resource type, comments.resource_type, sequence kind
    model: type[T]
    table: str
    number_column: str
    number_field: str  # the field naming a ticket by its number: issue_no, requirement_no
    prefix: str
    first_state: str
    staff_edges: frozenset[tuple[str, str]]
    reporter_edges: frozenset[tuple[str, str]]  # the reporter may take these even if not staff
    stamp_column: str  # set on entering `stamp_state`, cleared on leaving it for an earlier one
    stamp_state: str

    def number_of(self, row: T) -> str:
        number: str = getattr(row, self.number_column)
        return number


def _edges(spec: str) -> frozenset[tuple[str, str]]:
    """'a>b c>d' -> {(a, b), (c, d)}: the allowed moves of a state machine."""
    return frozenset((a, b) for a, _, b in (edge.partition(">") for edge in spec.split()))


ISSUE: TicketKind[Issue] = TicketKind(
    name="issue",
    model=Issue,
    table="issues",
    number_column="issue_no",
    number_field="issue_no",
    prefix="ISSUE",
    first_state="open",
    staff_edges=_edges(
        "open>in_progress in_progress>resolved resolved>closed resolved>in_progress"
    ),
    reporter_edges=_edges("open>closed resolved>closed"),
    stamp_column="resolved_at",
    stamp_state="resolved",
)
REQUIREMENT: TicketKind[Requirement] = TicketKind(
    name="requirement",
    model=Requirement,
    table="requirements",
    number_column="requirement_no",
    number_field="requirement_no",
    prefix="REQ",
    first_state="submitted",
    staff_edges=_edges(
        "submitted>reviewing reviewing>approved reviewing>rejected approved>in_progress"
        " in_progress>completed"
    ),
    reporter_edges=_edges(""),
    stamp_column="completed_at",
    stamp_state="completed",
)
KINDS: dict[str, TicketKind[Any]] = {ISSUE.name: ISSUE, REQUIREMENT.name: REQUIREMENT}


# --- numbering ------------------------------------------------------------------------------


def _next_number_sql(kind: TicketKind[Any]) -> str:
    # The upsert's row lock serialises creators of one kind and year until their commit; a
    # rollback restores last_no, so numbers have no gaps. On the first ticket of a year the
    # VALUES start after the highest number already stored for that year (seeded tickets).
    pattern = f"^{kind.prefix}-[0-9]{{4}}-([0-9]+)$"
    return f"""
        WITH y AS (SELECT EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int AS year)
        INSERT INTO ticket_sequences AS s (kind, year, last_no)
        SELECT :kind, y.year, COALESCE((
                   SELECT max(substring(t.{kind.number_column} FROM '{pattern}')::int)
                   FROM {kind.table} t
                   WHERE t.{kind.number_column} LIKE '{kind.prefix}-' || y.year || '-%'), 0) + 1
        FROM y
        ON CONFLICT (kind, year) DO UPDATE SET last_no = s.last_no + 1
        RETURNING s.year, s.last_no
    """


async def next_number(session: AsyncSession, kind: TicketKind[Any]) -> str:
    """The next `PREFIX-YYYY-NNNN` of `kind` (UTC year of the transaction's start)."""
    row = (await session.execute(text(_next_number_sql(kind)), {"kind": kind.name})).one()
    return f"{kind.prefix}-{row.year}-{row.last_no:04d}"


# --- validation -----------------------------------------------------------------------------


def check_title(title: str) -> str:
    title = title.strip()
    if not title or len(title) > TITLE_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"title must be 1 to {TITLE_MAX} characters (not only spaces)",
            "title",
        )
    return title


def check_text(value: str, field: str, *, required: bool) -> str:
    if (required and not value.strip()) or len(value) > TEXT_MAX:
        least = 1 if required else 0
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"{field} must be {least} to {TEXT_MAX} characters"
            + (" (not only spaces)" if required else ""),
            field,
        )
    return value


# --- finding tickets ------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketRef:
    """A ticket named by its row id or by its number: exactly one of the two."""

    id: int | None = None
    number: str | None = None

    def check(self, number_field: str) -> None:
        if (self.id is None) == (self.number is None):
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                f"give exactly one of id and {spelled(number_field)}",
                "id" if self.id is not None else number_field,
            )


def sees_ticket(viewer: Viewer, row: Issue | Requirement) -> bool:
    return viewer.is_staff or viewer.customer_id in (row.customer_id, row.assignee_id)


async def find_ticket(
    session: AsyncSession,
    viewer: Viewer,
    kind: TicketKind[T],
    ref: TicketRef,
    *,
    field: str = "id",
    lock: bool = True,
) -> T:
    """The ticket, locked FOR UPDATE (or FOR SHARE), or NOT_FOUND if the viewer may not see it."""
    model = kind.model
    key = (
        model.id == ref.id
        if ref.id is not None
        else getattr(model, kind.number_column) == ref.number
    )
    stmt = select(model).where(key)
    stmt = stmt.with_for_update() if lock else stmt.with_for_update(read=True)
    row = (await session.execute(stmt)).scalar_one_or_none()
    if row is None or not sees_ticket(viewer, row):
        shown = ref.id if ref.id is not None else ref.number
        raise DomainError(ErrorCode.NOT_FOUND, f"no {kind.name} {shown}", field)
    return row


# --- issues and requirements ----------------------------------------------------------------


@dataclass(frozen=True)
class TicketDraft:
    title: str
    description: str | None = None
    priority: str = "medium"
    type: str | None = None  # issues only: bug, question, feature


@dataclass(frozen=True)
class TicketChanges:
    """None (or KEEP for the nullable description) leaves a field unchanged."""

    title: str | None = None
    description: str | Keep | None = KEEP
    priority: str | None = None
    type: str | None = None  # issues only


async def create_ticket(
    session: AsyncSession, viewer: Viewer, kind: TicketKind[T], draft: TicketDraft
) -> T:
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    title = check_title(draft.title)
    description = draft.description
    if description is not None:
        check_text(description, "description", required=False)
    check_choice(draft.priority, PRIORITIES, "priority")
    if kind.name == ISSUE.name:
        check_choice(draft.type or "", ISSUE_TYPES, "type")
    number = await next_number(session, kind)
    values: dict[str, Any] = {
        kind.number_column: number,
        "customer_id": viewer.customer_id,
        "title": title,
        "description": description,
        "priority": draft.priority,
        "status": kind.first_state,
    }
    if kind.name == ISSUE.name:
        values["type"] = draft.type
    row = kind.model(**values)
    session.add(row)
    await session.flush()
    return row


async def update_ticket(
    session: AsyncSession, viewer: Viewer, kind: TicketKind[T], ref: TicketRef, ch: TicketChanges
) -> T:
    ref.check(kind.number_field)
    row = await find_ticket(session, viewer, kind, ref)
    if not (viewer.is_staff or viewer.customer_id == row.customer_id):
        raise DomainError(ErrorCode.FORBIDDEN, f"only the reporter or staff may edit {kind.name}s")
    if ch.title is not None:
        row.title = check_title(ch.title)
    if not isinstance(ch.description, Keep):
        if ch.description is not None:
            check_text(ch.description, "description", required=False)
        row.description = ch.description
    if ch.priority is not None:
        row.priority = check_choice(ch.priority, PRIORITIES, "priority")
    if ch.type is not None and isinstance(row, Issue):
        row.type = check_choice(ch.type, ISSUE_TYPES, "type")
    await session.flush()
    await _announce(session, kind, row, "edited")
    return row


async def _announce(
    session: AsyncSession, kind: TicketKind[T], row: Issue | Requirement, change: str
) -> None:
    await emit(
        session,
        EventType.TICKET_UPDATED,
        customer_id=row.customer_id,
        resource_type=kind.name,
        resource_id=str(row.id),
        payload={
            "kind": kind.name,
            "id": row.id,
            "number": getattr(row, kind.number_column),
            "status": row.status,
            "change": change,
        },
    )


async def _staff_member(session: AsyncSession, customer_id: int) -> Customer:
    # FOR SHARE: the assignee cannot be suspended or demoted until this assignment commits.
    stmt = (
        select(Customer)
        .where(
            Customer.id == customer_id,
            Customer.deleted_at.is_(None),
            Customer.status == "active",
            Customer.user_type.in_(STAFF_TYPES),
        )
        .with_for_update(read=True)
    )
    staff = (await session.execute(stmt)).scalar_one_or_none()
    if staff is None:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"customer {customer_id} is not an active staff member (admin or internal)",
            "assignee_id",
        )
    return staff


async def assign_ticket(
    session: AsyncSession,
    viewer: Viewer,
    kind: TicketKind[T],
    ref: TicketRef,
    assignee_id: int | None,
) -> T:
    ref.check(kind.number_field)
    row = await find_ticket(session, viewer, kind, ref)
    if not viewer.is_staff:
        raise DomainError(ErrorCode.FORBIDDEN, f"only staff may assign {kind.name}s")
    assignee = None if assignee_id is None else await _staff_member(session, assignee_id)
    if row.assignee_id == assignee_id:
        return row
    row.assignee_id = assignee_id
    await session.flush()
    await _announce(session, kind, row, "assigned")
    number = kind.number_of(row)
    if row.customer_id != viewer.customer_id:
        who = "nobody" if assignee is None else assignee.display_name or assignee.username
        await notify(
            session,
            row.customer_id,
            NotificationKind.SYSTEM,
            f"{number} assigned to {who}",
            f"Your {kind.name} '{row.title}' is now assigned to {who}.",
        )
    return row


async def transition_ticket(
    session: AsyncSession, viewer: Viewer, kind: TicketKind[T], ref: TicketRef, status: str
) -> T:
    ref.check(kind.number_field)
    row = await find_ticket(session, viewer, kind, ref)
    current = row.status or kind.first_state
    edge = (current, status)
    number = kind.number_of(row)
    if edge not in kind.staff_edges and edge not in kind.reporter_edges:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"{number} cannot go from {current} to {status}",
            "status",
        )
    is_reporter = viewer.customer_id == row.customer_id
    if not (
        (viewer.is_staff and edge in kind.staff_edges)
        or (is_reporter and edge in kind.reporter_edges)
    ):
        who = "the reporter" if edge in kind.reporter_edges else "staff"
        raise DomainError(
            ErrorCode.FORBIDDEN,
            f"only {who} may move {number} from {current} to {status}",
            "status",
        )
    row.status = status
    if status == kind.stamp_state:
        setattr(row, kind.stamp_column, func.now())
    elif current == kind.stamp_state and status != "closed":
        setattr(row, kind.stamp_column, None)  # reopened: no longer resolved
    await session.flush()
    await _announce(session, kind, row, "moved")
    if not is_reporter:
        await notify(
            session,
            row.customer_id,
            NotificationKind.SYSTEM,
            f"{number} is now {status.replace('_', ' ')}",
            f"Your {kind.name} '{row.title}' moved from {current} to {status}.",
        )
    return row
