// When a council member may see how the others voted on an agenda item. A member who sees a
// running tally before voting can follow the crowd, so by default the tally and the names stay
// hidden from members until the vote closes: the case left the council's hands (decided, or
// beyond) or the meeting was cancelled. A body whose rules publish the tally to those who have
// voted sets COUNCIL_TALLY_SHOWN=after-own-vote. Staff who run the meeting always see it.

export const TALLY_SHOWN = ['after-close', 'after-own-vote'] as const;
export type TallyShown = (typeof TALLY_SHOWN)[number];

/** The one case state in which a council votes; any other state means the vote on it is over. */
export const VOTING_STATE = 'council-scheduled';

export function voteClosed(item: { caseState: string; meetingStatus: string }): boolean {
  return item.meetingStatus === 'cancelled' || item.caseState !== VOTING_STATE;
}

export function tallyVisible(who: { role: 'manager' | 'member'; votedOwn: boolean }, item: { caseState: string; meetingStatus: string }, shown: TallyShown): boolean {
  if (who.role === 'manager') return true;
  if (voteClosed(item)) return true;
  return shown === 'after-own-vote' && who.votedOwn;
}

/** Whether an agenda item still waits for this member's vote: open, not recused, not yet voted. */
export function votePending(item: { caseState: string; meetingStatus: string; recused: boolean; myVote: string | null }): boolean {
  return !voteClosed(item) && !item.recused && item.myVote === null;
}
