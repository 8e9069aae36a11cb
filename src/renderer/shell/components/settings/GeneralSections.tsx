/** Everything on the settings page below the profiles. */
import { DndScheduleSection } from './DndScheduleSection';
import { ForwardingSection } from './ForwardingSection';
import { LogsSection } from './LogsSection';
import { NotificationsSection } from './NotificationsSection';
import { PresenceSection } from './PresenceSection';
import { StartupSection } from './StartupSection';

export function GeneralSections() {
  return (
    <>
      <NotificationsSection />
      <DndScheduleSection />
      <PresenceSection />
      <StartupSection />
      <LogsSection />
      <ForwardingSection />
    </>
  );
}
