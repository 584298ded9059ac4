// The mediator's desk: the brief's answers (with their evidence and assumptions), the what-if
// controls, the party × issue matrix, the utility plane and the timeline.
import { useEffect, useState } from 'react';
import { api, type Room, roomPath } from '../api.js';
import { PartyIssueMatrix, type PreferenceSet } from '../components/matrix.js';
import { Drafts, Evidence, EvidenceLinks, publicEvidence, Timeline } from '../components/shared-text.js';
import { ErrorBox, Loading, Progress, Section, useLoad } from '../components/ui.js';
import { WhatIfPanel } from '../components/whatif-panel.js';
import { pct } from '../logic/visibility.js';
import { AnalysisLane } from '../worker/client.js';
import { download, RoomHeader } from './room.js';

interface Answer {
  id: string;
  question: string;
  answer: string[];
  evidence: string[];
  assumptions: string[];
}
interface MediatorBrief {
  run: number;
  seed: number;
  brief: {
    brief: { monteCarlo: { pAgreementZone: number; stdError: number; samples: number; seed: number } };
    answers: Answer[];
  };
}

export function MediatorDesk({ room }: { room: Room }) {
  const yaml = useLoad(() => api<{ yaml: string }>('GET', roomPath(room.id, '/scenario')), [room.id]);
  const brief = useLoad(() => api<MediatorBrief>('GET', roomPath(room.id, '/brief')), [room.id]);
  const prefs = useLoad(
    async () =>
      Object.fromEntries(
        await Promise.all(
          room.parties.map(async (p) => [
            p.name,
            (
              await api<{ preferences: PreferenceSet }>(
                'GET',
                roomPath(room.id, `/parties/${p.slug}/preferences`),
              )
            ).preferences,
          ]),
        ),
      ) as Record<string, PreferenceSet>,
    [room.id],
  );
  const [report, setReport] = useState<{ busy: boolean; error?: unknown; progress?: [number, number] }>({
    busy: false,
  });
  const [invite, setInvite] = useState<{ link?: string; error?: unknown }>({});
  const [role, setRole] = useState('observer');

  const makeReport = async () => {
    if (!yaml.data) return;
    setReport({ busy: true });
    const lane = new AnalysisLane();
    try {
      const r = await lane.run({ kind: 'report', yaml: yaml.data.yaml, samples: 1000, seed: 1 }, (d, t) =>
        setReport({ busy: true, progress: [d, t] }),
      );
      download(`${room.id}-report.html`, r.html, 'text/html');
      setReport({ busy: false });
    } catch (e) {
      setReport({ busy: false, error: e });
    } finally {
      lane.stop();
    }
  };
  const makeInvite = async () => {
    try {
      const [r, party] = role.startsWith('party:') ? ['party', role.slice(6)] : [role, undefined];
      const t = await api<{ token: string }>('POST', roomPath(room.id, '/invitations'), {
        role: r,
        ...(party ? { party } : {}),
      });
      setInvite({ link: `${location.origin}/invite/${t.token}` });
    } catch (e) {
      setInvite({ error: e });
    }
  };

  const answers = brief.data?.brief.answers ?? [];
  const mc = brief.data?.brief.brief.monteCarlo;
  return (
    <div data-page="mediator">
      <RoomHeader room={room}>
        <button type="button" onClick={makeReport} disabled={report.busy || !yaml.data}>
          {report.busy ? 'Building the report…' : 'Export HTML report'}
        </button>
      </RoomHeader>
      <Progress
        active={report.busy}
        {...(report.progress ? { done: report.progress[0], total: report.progress[1] } : {})}
        label="Building the HTML report"
      />
      <ErrorBox error={report.error} title="The report failed" />
      <div className="grid">
        <Section title="The brief" id="brief">
          <Progress active={brief.loading} label="Computing the brief on the server" />
          <ErrorBox error={brief.error} title="The brief is not available" />
          {mc && (
            <p className="headline">
              P(agreement zone) <strong data-testid="pzone-brief">{pct(mc.pAgreementZone)}</strong>{' '}
              <span className="muted small">
                ± {pct(mc.stdError)} over {mc.samples.toLocaleString('en-US')} draws, seed {mc.seed}
              </span>
            </p>
          )}
          {answers.map((a) => (
            <details key={a.id} open={a.id === answers[0]?.id}>
              <summary>{a.question}</summary>
              {a.answer.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <p className="small muted">
                Rests on evidence
                <EvidenceLinks ids={a.evidence} />
                {a.evidence.length === 0 && ' (none)'}; assumptions:{' '}
                {a.assumptions.length > 0 ? a.assumptions.map((x) => <code key={x}>{x} </code>) : 'none'}
              </p>
            </details>
          ))}
        </Section>
        {yaml.error ? (
          <ErrorBox error={yaml.error} title="The scenario could not be loaded" />
        ) : yaml.data ? (
          <WhatIfPanel text={room.text} yaml={yaml.data.yaml} />
        ) : (
          <Loading what="the scenario" />
        )}
        <Section title="Parties × issues" id="matrix">
          <ErrorBox error={prefs.error} title="Preferences not available" />
          {prefs.data ? (
            <PartyIssueMatrix text={room.text} prefs={prefs.data} />
          ) : (
            <Loading what="preferences" />
          )}
        </Section>
        {yaml.data && <UtilityPlane yaml={yaml.data.yaml} parties={room.parties.length} />}
        <Section title="Invite by link" id="invite">
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="observer">observer</option>
              <option value="mediator">mediator</option>
              {room.parties.map((p) => (
                <option key={p.slug} value={`party:${p.slug}`}>
                  party: {p.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={makeInvite}>
            Make a one-time link
          </button>
          {invite.link && (
            <p>
              <label>
                Link (send it to the person; it works once)
                <input readOnly value={invite.link} onFocus={(e) => e.target.select()} />
              </label>
            </p>
          )}
          <ErrorBox error={invite.error} title="No invitation" />
        </Section>
        <Drafts text={room.text} />
        <Timeline events={room.text.events ?? []} />
        <Evidence items={publicEvidence(room.text)} />
      </div>
    </div>
  );
}

function UtilityPlane({ yaml, parties }: { yaml: string; parties: number }) {
  const [svg, setSvg] = useState<{ svg?: string; error?: unknown }>({});
  useEffect(() => {
    const lane = new AnalysisLane();
    lane.run({ kind: 'plane', yaml, seed: 1, width: 760 }).then(
      (r) => setSvg({ svg: r.svg }),
      (e: unknown) => setSvg({ error: e }),
    );
    return () => lane.stop();
  }, [yaml]);
  return (
    <Section
      title={parties === 2 ? 'Utility plane' : 'Utility pairs (one cell per pair of parties)'}
      id="plane"
    >
      <ErrorBox error={svg.error} title="The chart failed" />
      {!svg.svg && !svg.error && <Loading what="the chart" />}
      {svg.svg && (
        <figure className="chart" aria-label="Outcomes, Pareto frontier, solutions and reservation lines">
          {/* The SVG is built by the library's chart code (Observable Plot), text escaped by its DOM. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own chart, no user HTML */}
          <div dangerouslySetInnerHTML={{ __html: svg.svg.replace(/^<\?xml[^>]*>/, '') }} />
          <figcaption className="small muted">
            Each party's utility; the frontier, the fair solutions and the reservation lines, at the point
            estimates.
          </figcaption>
        </figure>
      )}
    </Section>
  );
}
