/**
 * The words for a ringing profile's caller (ProfileView.caller): the rail's line, the header's
 * line and the screen-reader announcement. Nouns follow the toasts' (src/shared/core/decide.ts),
 * so a chat task is never announced as a call.
 */
import { MEDIA_NOUN } from '../../../shared/core/decide';
import type { Caller, ProfileView } from '../../../shared/ipc/shell-protocol';

/** "Jane Doe +1 650 555 0100", or whichever of the two the vendor gave; '' when neither. */
export function callerName(caller: Caller | undefined): string {
  if (!caller) return '';
  const { name, number } = caller;
  return name && number && name !== number ? `${name} ${number}` : (name ?? number ?? '');
}

/** What the rail shows under a ringing profile: who calls, else the queue it comes from. */
export function railCallerText(caller: Caller | undefined): string {
  return callerName(caller) || (caller?.queue ? `${caller.queue} queue` : '');
}

/** The header's line for a ringing profile: "Jane Doe +1 650 555 0100 · Support — Demo softphone". */
export function headerCallerText(profile: ProfileView): string {
  const who = callerName(profile.caller) || `Incoming ${noun(profile.caller)}`;
  const queue = profile.caller?.queue ? ` · ${profile.caller.queue}` : '';
  return `${who}${queue} — ${profile.name}`;
}

/** "Incoming call from Jane Doe on Demo softphone"; "Sales US is ringing" when nobody is named. */
export function ringingAnnouncement(profile: ProfileView): string {
  const caller = profile.caller;
  if (!caller) return `${profile.name} is ringing`;
  const who = caller.name ?? caller.number;
  if (who) return `Incoming ${noun(caller)} from ${who} on ${profile.name}`;
  return `Incoming ${noun(caller)} on ${profile.name}${caller.queue ? `, ${caller.queue} queue` : ''}`;
}

const noun = (caller: Caller | undefined): string => MEDIA_NOUN[caller?.media ?? 'unknown'];
