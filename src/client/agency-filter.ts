/** Filters the agencies list as the user types: hides non-matching agencies and regions left empty. */
export function initAgencyFilter(root: HTMLElement): void {
  const container = document.querySelector<HTMLElement>(root.dataset.target ?? '');
  const input = root.querySelector<HTMLInputElement>('input');
  const status = root.querySelector<HTMLElement>('[data-filter-status]');
  if (!container || !input || !status) return;
  const items = [...container.querySelectorAll<HTMLElement>('[data-agency]')];
  // Deepest regions first, so a parent sees its children's final visibility.
  const regions = [...container.querySelectorAll<HTMLElement>('[data-region]')].reverse();

  const apply = () => {
    const terms = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      // An agency matches when every term appears in its name or in one of its regions' names.
      const haystack = [item.dataset.search ?? '', ...regionNames(item)].join(' ').toLowerCase();
      const match = terms.every((t) => haystack.includes(t));
      item.hidden = !match;
      if (match) shown += 1;
    }
    for (const region of regions) {
      region.hidden = !region.querySelector('[data-agency]:not([hidden])');
    }
    status.textContent = terms.length === 0 ? '' : `找到 ${shown} 个机构`;
    const url = new URL(window.location.href);
    if (terms.length) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };

  input.value = new URL(window.location.href).searchParams.get('q') ?? '';
  input.addEventListener('input', apply);
  root.hidden = false;
  if (input.value) apply();
}

function regionNames(item: HTMLElement): string[] {
  const names: string[] = [];
  for (let el = item.closest<HTMLElement>('[data-region]'); el; el = el.parentElement?.closest<HTMLElement>('[data-region]') ?? null) {
    names.push(el.querySelector(':scope > h2, :scope > h3, :scope > h4')?.textContent ?? '');
  }
  return names;
}
