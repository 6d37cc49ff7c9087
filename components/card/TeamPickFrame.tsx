/**
 * Where the hover card shows the team's pick and note: an extension-origin
 * frame (entrypoints/team-pick, listed in web_accessible_resources), the way
 * password managers draw inline UI. The page's scripts cannot read into
 * another origin's document: not by innerText or textContent, not by a
 * selection, not by `window.find()` (which does search the card's closed
 * shadow root). The content script never has the pick or the note either;
 * the frame asks the worker for them.
 *
 * The frame has one fixed height whatever it shows, so the card's size (which
 * a page can measure from outside) says nothing about the note. It is not in
 * the tab order: it holds no control, and the whole note is in the popup.
 */
export const TEAM_PICK_FRAME_HEIGHT = 84;

export function TeamPickFrame({ src }: { src: string }) {
  return (
    <iframe
      className="el-team-pick-frame"
      data-team-pick-frame=""
      src={src}
      title="Your team’s pick (Engine Lens)"
      tabIndex={-1}
      referrerPolicy="no-referrer"
      height={TEAM_PICK_FRAME_HEIGHT}
    />
  );
}
