/** Previous / next page of a list; the page number lives in the address (useUrlState), so « Précédent » goes back. */
export function Pager({ page, pageCount, onPage, label = 'Pagination', total }: { page: number; pageCount: number; onPage: (page: number) => void; label?: string; total?: string }) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Page précédente
      </button>
      <span role="status">
        Page {page} sur {Math.max(1, pageCount)}
        {total ? ` · ${total}` : ''}
      </span>
      <button type="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Page suivante
      </button>
    </nav>
  );
}
