/**
 * A scanned page as the API renders it, with the boxes where OCR read a sentence drawn over it. Boxes
 * are fractions of the page, so they fit the picture at whatever size it is shown.
 */
export function OcrPageView({
  documentId,
  page,
  boxes,
}: {
  documentId: string;
  page: number;
  boxes: number[][];
}) {
  return (
    <figure className="ocr-page" data-testid="ocr-page">
      <div className="ocr-page-frame">
        <img
          src={`/v1/documents/${encodeURIComponent(documentId)}/pages/${page}/image`}
          alt={`page ${page} of the scanned document`}
          loading="lazy"
        />
        <svg viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
          {boxes.map(([left = 0, top = 0, right = 0, bottom = 0]) => (
            <rect
              key={`${left}:${top}`}
              className="ocr-box"
              x={left}
              y={top}
              width={Math.max(0, right - left)}
              height={Math.max(0, bottom - top)}
            />
          ))}
        </svg>
      </div>
      <figcaption className="muted">p. {page}, as scanned: where OCR read this sentence</figcaption>
    </figure>
  );
}
