import { useId, useState } from 'react';
import { useStorageValue } from '@/components/useStorageValue';
import { topFeatures } from '@/utils/shared/ranking/model';
import type { LearnedReason } from '@/utils/shared/ranking/types';
import {
  adjustmentsItem,
  type LearningAdjustments,
  learnedModelItem,
  learningResetAtItem,
} from '@/utils/storage/rankingStore';

/** How many terms each list shows. */
const SHOWN = 15;

type Adjustment = 'pin' | 'ban' | 'clear';

function adjusted(
  adjustments: LearningAdjustments,
  feature: string,
  change: Adjustment,
): LearningAdjustments {
  const pinned = adjustments.pinned.filter((key) => key !== feature);
  const banned = adjustments.banned.filter((key) => key !== feature);
  if (change === 'pin') pinned.push(feature);
  if (change === 'ban') banned.push(feature);
  return { pinned, banned };
}

function FeatureList({
  title,
  features,
  adjustments,
  onAdjust,
}: {
  title: string;
  features: readonly LearnedReason[];
  adjustments: LearningAdjustments;
  onAdjust: (feature: string, change: Adjustment) => void;
}) {
  const id = useId();
  return (
    <div className="feature-list">
      <h3 id={id}>{title}</h3>
      {features.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <ul aria-labelledby={id}>
          {features.map((feature) => {
            const pinned = adjustments.pinned.includes(feature.feature);
            const banned = adjustments.banned.includes(feature.feature);
            return (
              <li key={feature.feature}>
                <span className="feature-label">{feature.label}</span>{' '}
                <span className="feature-weight">
                  {feature.weight > 0 ? '+' : '−'}
                  {Math.abs(feature.weight).toFixed(2)}
                </span>
                <button
                  type="button"
                  className="small"
                  aria-pressed={pinned}
                  aria-label={`Pin ${feature.label}`}
                  title="Always count for"
                  onClick={() => onAdjust(feature.feature, pinned ? 'clear' : 'pin')}
                >
                  Pin
                </button>
                <button
                  type="button"
                  className="small"
                  aria-pressed={banned}
                  aria-label={`Ban ${feature.label}`}
                  title="Always count against"
                  onClick={() => onAdjust(feature.feature, banned ? 'clear' : 'ban')}
                >
                  Ban
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

interface LearnedPanelProps {
  /** What the model learned, with pins and bans applied (the ranking's topFeatures). */
  describe?: typeof topFeatures;
  now?: () => number;
}

/**
 * "What Paperlight learned": the terms and authors that raise or lower a paper's rank, each one
 * pinnable or bannable, the pins and bans (to undo them), and "Reset learning".
 */
export function LearnedPanel({ describe = topFeatures, now = Date.now }: LearnedPanelProps) {
  const model = useStorageValue(learnedModelItem);
  const adjustments = useStorageValue(adjustmentsItem);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useId();

  const onAdjust = (feature: string, change: Adjustment) => {
    if (!adjustments) return;
    adjustmentsItem.setValue(adjusted(adjustments, feature, change)).catch((error: unknown) => {
      setStatus(`Could not save: ${error}`);
    });
  };

  const reset = () => {
    setConfirming(false);
    learningResetAtItem.setValue(now()).then(
      () => setStatus('Learning reset: Paperlight learns again from what you do from now on.'),
      (error: unknown) => setStatus(`Could not reset learning: ${error}`),
    );
  };

  const loaded = model !== undefined && adjustments !== undefined;
  const described = loaded && model ? describe(model, adjustments, SHOWN) : null;
  const labelOf = (feature: string) => model?.labels[feature] ?? feature.replace(/^\w:/, '');
  const adjustedFeatures = adjustments
    ? [
        ...adjustments.pinned.map((feature) => ({ feature, kind: 'pinned' as const })),
        ...adjustments.banned.map((feature) => ({ feature, kind: 'banned' as const })),
      ]
    : [];

  return (
    <section className="section" aria-labelledby={heading}>
      <h2 id={heading}>What Paperlight learned</h2>
      {!loaded ? (
        <p>Loading…</p>
      ) : model === null ? (
        <p className="lead">
          Nothing learned yet: papers are ranked by your interests only until you save or open a few
          papers (or dismiss some).
        </p>
      ) : (
        <>
          <p className="lead">
            From {model.positives.toLocaleString('en-US')} papers you saved, opened or liked and{' '}
            {model.negatives.toLocaleString('en-US')} you dismissed or passed over; last learned{' '}
            {new Date(model.trainedAt).toLocaleString()}. Pin a term to make it always count for a
            paper, ban it to make it always count against.
          </p>
          {described ? (
            <div className="feature-lists">
              <FeatureList
                title="Raises a paper"
                features={described.positive}
                adjustments={adjustments}
                onAdjust={onAdjust}
              />
              <FeatureList
                title="Lowers a paper"
                features={described.negative}
                adjustments={adjustments}
                onAdjust={onAdjust}
              />
            </div>
          ) : null}
        </>
      )}
      {adjustedFeatures.length > 0 ? (
        <>
          <h3>Pinned and banned</h3>
          <ul className="adjusted">
            {adjustedFeatures.map(({ feature, kind }) => (
              <li key={`${kind}:${feature}`}>
                <span className="feature-label">{labelOf(feature)}</span>{' '}
                <span className="hint-inline">{kind}</span>{' '}
                <button type="button" className="small" onClick={() => onAdjust(feature, 'clear')}>
                  {kind === 'pinned' ? 'Unpin' : 'Unban'} {labelOf(feature)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {loaded ? (
        <div className="actions">
          {confirming ? (
            <div className="confirm">
              <p>Forget what was learned so far? Saved papers, interests, pins and bans stay.</p>
              <button type="button" className="danger" onClick={reset}>
                Reset learning
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Reset learning…
            </button>
          )}
        </div>
      ) : null}
      <output className="status" aria-live="polite">
        {status}
      </output>
    </section>
  );
}
