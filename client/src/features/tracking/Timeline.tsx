import type { TrackResponse } from '../../../../shared/api/petitions';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

/** The public events of a petition, oldest first. */
export function Timeline({ events }: { events: TrackResponse['events'] }) {
  const { t, lang } = useT();
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('track.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {ordered.map((event, i) => (
          <li key={`${event.at}-${event.type}-${i}`} className="timeline__event">
            <time dateTime={event.at} className="timeline__date">
              {formatDateTime(event.at, lang)}
            </time>
            <span className="timeline__text">{event.text[lang]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
