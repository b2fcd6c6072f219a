// Protocols a view before it is shown: the disclosure records go to the case view's
// own event store, from where the outbox relay publishes them (CaseViewed /
// CaseAccessRefused) like every other integration event. If recording fails, the
// request fails: nothing is shown that was not protocolled.
import { Inject, Injectable } from '@nestjs/common';
import type { CaseViewKind } from '@wcc/contracts';
import type { CommandMetadata } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, handleWithDecider } from '@wcc/nest-kit';
import { disclosureDecider, type CaseDisclosureRecord, type Viewer } from '@wcc/case-view-domain';

@Injectable()
export class DisclosureRecorder {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Appends one event per disclosure and refusal; nothing when the view showed only the viewer's own data. */
  async record(viewer: Viewer, view: CaseViewKind, records: readonly CaseDisclosureRecord[], metadata: CommandMetadata): Promise<number> {
    const meaningful = records.filter((r) => r.disclosure !== null || r.refusal !== null);
    if (meaningful.length === 0) return 0;
    const viewId = metadata.commandId;
    const handled = await handleWithDecider(this.store, disclosureDecider, viewId, { type: 'RecordCaseDisclosures', data: { viewId, viewer, view, records: meaningful } }, metadata);
    return handled.events.length;
  }
}
