import type { Ref } from 'react';

interface SearchBoxProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  onQuery: (query: string) => void;
  /** "12 results", or why search failed. */
  status: string | undefined;
  failed: boolean;
}

/** The search field (`/` focuses it; Escape or ↓ hands the keys back to the list). */
export function SearchBox({ inputRef, query, onQuery, status, failed }: SearchBoxProps) {
  return (
    <search className="library-search">
      <label className="sr-only" htmlFor="library-search">
        Search the library
      </label>
      <input
        ref={inputRef}
        id="library-search"
        className="text-input search-input"
        type="search"
        placeholder="Search title, authors, abstract, notes, tags  ( / )"
        value={query}
        autoComplete="off"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === 'ArrowDown') {
            event.preventDefault();
            if (event.key === 'Escape' && query !== '') onQuery('');
            else event.currentTarget.blur();
          }
        }}
      />
      {status ? (
        <p
          className={failed ? 'search-status search-failed' : 'search-status'}
          role={failed ? 'alert' : 'status'}
        >
          {status}
        </p>
      ) : null}
    </search>
  );
}
