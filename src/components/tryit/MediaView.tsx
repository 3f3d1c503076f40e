import { useState } from 'react';
import { formatBytes, type MediaItem } from '../../tryit/index.ts';

/** Images, audio and video found in (or making up) the answer. */
export function MediaView({ items }: { items: MediaItem[] }) {
  return (
    <div className="tryit-media">
      {items.map((item) => <Media key={item.pointer + item.src.slice(0, 64)} item={item} />)}
    </div>
  );
}

function Media({ item }: { item: MediaItem }) {
  const [size, setSize] = useState<string>();
  const [tiny, setTiny] = useState(false);
  const where = item.pointer ? item.pointer.slice(1).replace(/\//g, '.') : 'response body';
  const facts = [item.mediaType, item.bytes !== undefined ? formatBytes(item.bytes) : undefined, size].filter(Boolean).join(' · ');
  return (
    <figure className="tryit-figure">
      {item.kind === 'image' && <img src={item.src} alt={`Image from ${where}`} className={tiny ? 'tryit-tiny' : undefined}
        onLoad={(e) => { const { naturalWidth: w, naturalHeight: h } = e.currentTarget; setSize(`${w}×${h}`); setTiny(w < 32 && h < 32); }} />}
      {item.kind === 'audio' && <audio controls preload="metadata" src={item.src} aria-label={`Audio from ${where}`} />}
      {item.kind === 'video' && <video controls preload="metadata" src={item.src} aria-label={`Video from ${where}`} onLoadedMetadata={(e) => setSize(`${e.currentTarget.videoWidth}×${e.currentTarget.videoHeight}`)} />}
      <figcaption><code>{where}</code>{facts && ` · ${facts}`}{!item.src.startsWith('data:') && !item.src.startsWith('blob:') && <> · <a href={item.src} target="_blank" rel="noreferrer noopener">open</a></>}</figcaption>
    </figure>
  );
}
