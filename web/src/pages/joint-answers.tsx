// What the joint analysis may tell a party or an observer: yes/no answers, own red lines.
import type { Room } from '../api.js';
import { ErrorBox, Progress, Section, useLoad } from '../components/ui.js';
import { type RestrictedBrief, restrictedLines } from '../logic/visibility.js';

export function JointAnswers({ room, load }: { room: Room; load: () => Promise<unknown> }) {
  const b = useLoad(load as () => Promise<{ brief: RestrictedBrief }>, [room.id]);
  return (
    <Section title="What the joint analysis tells you" id="joint">
      <Progress active={b.loading} label="Computing the joint analysis" />
      <ErrorBox error={b.error} title="The joint analysis is not available" />
      {b.data && (
        <dl className="answers" data-testid="joint-answers">
          {restrictedLines(b.data.brief, room.role).map((l) => (
            <div key={l.label}>
              <dt>{l.label}</dt>
              <dd>{l.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted small">
        Computed by the server on every party's private numbers; you see only what the privacy rules let you
        know.
      </p>
    </Section>
  );
}
