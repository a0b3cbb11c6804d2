/** Loads a page in an iframe and resolves with its document once the load event fired. */
export function loadPage(url: string): Promise<Document> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '700px';
    frame.addEventListener('load', () => resolve(frame.contentDocument!));
    frame.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
    frame.src = url;
    document.body.append(frame);
  });
}
