// Screens live in the URL's hash (#/zaak/<id>), so a reload or a shared link opens the
// same screen and the portal needs no route table of its own.
import { useEffect, useState } from 'react';

export function useRoute(): readonly string[] {
  const parse = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const changed = () => {
      setRoute(parse());
      // A new screen: move focus to its heading so screen readers announce it (WCAG 2.4.3).
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    };
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export const href = (...segments: string[]) => `#/${segments.map(encodeURIComponent).join('/')}`;
