/**
 * Plays the ringtone (assets/ringtone.wav, synthesized by src/cli/make-ringtone.ts) on each output
 * of a RingPlan (logic/ringtone-plan.ts): one looping <audio> element per device, routed with
 * HTMLMediaElement.setSinkId. A device id Chromium refuses (unplugged since it was chosen, or not
 * this origin's id) rings on the system default instead of not at all. The shell page plays it, so
 * it rings while the window is hidden or minimized to the tray (main keeps the shell page loaded).
 */
import ringtoneUrl from '../assets/ringtone.wav?url';
import { DEFAULT_OUTPUT, type RingPlan } from '../logic/ringtone-plan';

/** Chromium's id for "the system default" in setSinkId is the empty string. */
const sinkIdOf = (device: string) => (device === DEFAULT_OUTPUT ? '' : device);

export class RingtonePlayer {
  private playing: HTMLAudioElement[] = [];
  /** Bumped by every start and stop, so a start still awaiting setSinkId never plays after a stop. */
  private generation = 0;

  constructor(private readonly report: (problem: string) => void = () => undefined) {}

  get active(): boolean {
    return this.playing.length > 0;
  }

  async start(plan: RingPlan): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    await Promise.all(plan.sinks.map((device) => this.startOne(device, plan.volume, generation)));
  }

  stop(): void {
    this.generation++;
    for (const audio of this.playing) {
      audio.pause();
      audio.remove();
    }
    this.playing = [];
  }

  private async startOne(device: string, volume: number, generation: number): Promise<void> {
    const audio = new Audio(ringtoneUrl);
    audio.loop = true;
    audio.volume = volume;
    audio.dataset.ringtoneSink = device;
    try {
      await audio.setSinkId(sinkIdOf(device));
    } catch (err) {
      this.report(`the ringtone could not play on the chosen output (${(err as Error).name}); it plays on the system default`);
      await audio.setSinkId('').catch(() => undefined);
      audio.dataset.ringtoneSink = DEFAULT_OUTPUT;
    }
    if (generation !== this.generation) return;
    this.playing.push(audio);
    // In the document (hidden, no controls) so what rings where can be inspected, as any element.
    audio.hidden = true;
    document.body.append(audio);
    await audio.play().catch((err: Error) => this.report(`the ringtone could not play (${err.name})`));
  }
}

/** The audio outputs this page may choose (ids and labels need the shell session's media check: main/security/shell-permissions.ts). */
export async function audioOutputs(): Promise<Array<{ id: string; label: string }>> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'audiooutput' && d.deviceId !== '' && d.deviceId !== DEFAULT_OUTPUT).map((d, i) => ({ id: d.deviceId, label: d.label || `Output ${i + 1}` }));
}
