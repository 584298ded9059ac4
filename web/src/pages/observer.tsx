// The observer's view: the shared text, public evidence, the timeline and the yes/no answers.
import { api, type Room, roomPath } from '../api.js';
import { Drafts, Evidence, Issues, publicEvidence, Timeline } from '../components/shared-text.js';
import { JointAnswers } from './joint-answers.js';
import { RoomHeader } from './room.js';

export function ObserverView({ room }: { room: Room }) {
  return (
    <div data-page="observer">
      <RoomHeader room={room} />
      <div className="grid">
        <JointAnswers room={room} load={() => api('GET', roomPath(room.id, '/brief'))} />
        <Drafts text={room.text} />
        <Issues text={room.text} />
        <Timeline events={room.text.events ?? []} />
        <Evidence items={publicEvidence(room.text)} />
      </div>
    </div>
  );
}
