/**
 * A chart after layout, ready to be drawn: every box with its rectangle and its text already
 * wrapped into lines, every connector as straight segments, the heading and the legend. This is
 * the one shape that SVG, PDF, PNG and PPTX are drawn from (Structurizr's layout → picture step),
 * so no picture format ever re-parses another's output to recover where things are.
 *
 * A `ChartBook` is the chart cut into pages for paper and slides: an overview page and detail
 * pages per subtree, each page a `ChartDrawing` of its own coordinates, plus table pages (the
 * change table of a reorganisation chart). A single-picture format (SVG, PNG) draws one
 * `ChartDrawing`: the whole chart.
 *
 * All lengths are in points, y downwards, origin at the top left of the drawing.
 */
import type { Palette } from './style.js';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text inside a box, already wrapped to fit it. */
export interface DrawnLine {
  text: string;
  /** Size in points. */
  size: number;
  bold: boolean;
  color: string;
  /** Left edge of the line's text and its baseline, in drawing coordinates. */
  x: number;
  baseline: number;
  /** Measured width of the text in points (with the font that will draw it). */
  width: number;
}

export interface DrawnBox {
  /** Unit id (the SVG element id, the PPTX shape name). */
  id: string;
  rect: Rect;
  palette: Palette;
  /** Lines in drawing order: name lines first, then details, then footer lines. */
  lines: DrawnLine[];
  /** Horizontal rules inside the box (above a footer), as y coordinates. */
  rules: number[];
  emphasis: 'root' | 'normal';
  /** Dashed outline (a staff/advisory unit, a removed unit in a reorganisation chart). */
  dashed?: boolean;
  /** CSS classes for the SVG group (kind, change marks). */
  classes: string[];
  /** Where this box's subtree continues in a book: the page number (1-based) to link to. */
  continues?: { page: number };
}

export interface DrawnSegment {
  from: Point;
  to: Point;
  color: string;
  /** Dashed (the line to a staff unit, a lineage link). */
  dashed?: boolean;
  width?: number;
  /** An arrowhead at `to` (a lineage link from a predecessor). */
  arrow?: boolean;
}

export interface DrawnLegendItem {
  label: string;
  palette: Palette;
  dashed?: boolean;
}

export interface ChartDrawing {
  width: number;
  height: number;
  /** Heading lines above the chart (title, date line), drawn by the picture writer. */
  title: string;
  subtitle?: string;
  boxes: DrawnBox[];
  segments: DrawnSegment[];
  legend: DrawnLegendItem[];
}

/** A page of a book that shows part of the chart. */
export interface ChartPage {
  kind: 'chart';
  /** The ancestors of this page's top unit, top first, each with the page it is drawn on: the page heading, linking back up. */
  trail: Array<{ id: string; name: string; page: number }>;
  drawing: ChartDrawing;
  /** The scale to draw at, when the book fixed it (the slices of a subtree spread over pages share one); else as large as fits, at most 1. */
  scale?: number;
}

/** A page of a book that is a table (the change table of a reorganisation chart). */
export interface TablePage {
  kind: 'table';
  title: string;
  /** Column headers; `width` is the column's share of the table width (relative: any unit, they are scaled to the page). */
  columns: Array<{ header: string; width: number }>;
  rows: string[][];
}

export type BookPage = ChartPage | TablePage;

/** The outline (PDF bookmarks) of a book: mirrors the tree of units down to the detail pages. */
export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export interface ChartBook {
  title: string;
  pages: BookPage[];
  outline: OutlineEntry[];
  /** Paper size in points, the one every page of the book was planned for. */
  paper: { width: number; height: number };
  /** The paper is the size of the chart (`--page fit`): one chart page, drawn at full size. */
  fit?: boolean;
}
