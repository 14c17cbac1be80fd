/**
 * Runs before Starlight's theme script. Where reading localStorage throws (storage blocked by the browser's
 * settings, a sandboxed frame) or gives no storage, Starlight's theme scripts would raise an error on every page,
 * because they test `typeof localStorage`, and that reads the throwing property. We hide the property instead
 * (it is configurable on the window, as Web IDL defines it), so they see no storage: the theme follows the
 * system and a choice lasts for the page. The text is hashed into the site's Content-Security-Policy
 * (src/integrations/csp-policy.ts), so it must stay exactly what is rendered.
 */

/** The inline script's text, rendered first in every page's head by ThemeProvider.astro. */
export const storageGuard =
  "(()=>{try{localStorage.getItem('starlight-theme')}catch{try{Object.defineProperty(window,'localStorage',{value:undefined,configurable:true})}catch{}}})();";
