import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  /** Small count shown after the label (hidden when 0 or unknown). */
  count?: number;
}

const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

interface TabListProps<Id extends string> {
  /** Shared with the TabPanel so tab and panel reference each other. */
  idPrefix: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}

/**
 * Tabs per the ARIA pattern: one tab stop (roving tabindex); Left/Right/Home/End move focus and
 * select (automatic activation).
 */
export function TabList<Id extends string>({
  idPrefix,
  tabs,
  selected,
  onSelect,
  label,
}: TabListProps<Id>) {
  const tabRefs = useRef(new Map<Id, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Math.max(
      0,
      tabs.findIndex((tab) => tab.id === selected),
    );
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (current + 1) % tabs.length;
        break;
      case 'ArrowLeft':
        next = (current - 1 + tabs.length) % tabs.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.id, element);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.id)}
            className="tab"
            aria-selected={isSelected}
            aria-controls={isSelected ? panelId(idPrefix, tab.id) : undefined}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.count ? ' ' : null}
            {tab.count ? (
              <span className="tab-count">{tab.count.toLocaleString('en-US')}</span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({
  idPrefix,
  tab,
  children,
}: {
  idPrefix: string;
  tab: string;
  children: ReactNode;
}) {
  return (
    <div
      className="panel"
      role="tabpanel"
      id={panelId(idPrefix, tab)}
      aria-labelledby={tabId(idPrefix, tab)}
    >
      {children}
    </div>
  );
}
