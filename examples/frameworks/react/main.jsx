// The case widgets in a React 19 page: React sets the live book as a property and listens to
// the widgets' events through `on` + the event's name, as it does for any custom element.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@lanewise/elements/case-intake.js';
import '@lanewise/elements/case-board.js';
import { createStation, rules } from '../shared/station.js';
import '../shared/frame.css';

function Station() {
  const book = useMemo(createStation, []);
  const [submitted, setSubmitted] = useState([]);
  return (
    <main>
      <h1>React 社区服务站</h1>
      <p className="log" id="submitted" aria-live="polite">
        {submitted.length === 0
          ? '还没有提交的诉求。'
          : `已提交 ${submitted.length} 件：${submitted.join('、')}`}
      </p>
      <div className="columns">
        <case-intake
          book={book}
          rules={rules}
          onlw-case-submit={(event) => setSubmitted((titles) => [...titles, event.detail.title])}
        ></case-intake>
        <case-board book={book} role="station"></case-board>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Station />
  </StrictMode>,
);
