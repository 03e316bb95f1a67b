/**
 * A search box inside another form (a picker: someone already recorded, a shelter): Enter searches
 * instead of sending the form around it, and the search button sits beside the box. Spelling checks
 * are off — what is typed here is a name or a pseudonym.
 */
import { SearchIcon } from './icons';

export function SearchRow(props: { id: string; value: string; onValue: (value: string) => void; onSearch: () => void; button: string }) {
  return (
    <div class="search-row">
      <input
        id={props.id}
        type="search"
        value={props.value}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onSearch();
          }
        }}
      />
      <button type="button" class="btn" onClick={() => props.onSearch()}>
        <SearchIcon />
        {props.button}
      </button>
    </div>
  );
}
