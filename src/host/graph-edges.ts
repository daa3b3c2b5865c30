/**
 * Linear-time edge insertion for HyperFormula's dependency graph.
 *
 * HyperFormula 3.x keeps each node's dependents as an array and, before adding an edge, looks the
 * new dependent up in that array (`Array#includes`). A cell or name that every row of a table
 * reads (the Portfolio's screening weights, its thresholds, the score column its ranks read) has
 * one dependent per formula that reads it, so writing n rows scans arrays of up to n entries n
 * times: the build of a 5,000-row Portfolio spent about a billion comparisons there, repeated for
 * every reference to the same name inside a formula.
 *
 * This gives one graph (one workbook) a membership index beside those arrays: a Set per node
 * whose dependents are many, kept exactly in step with the array by the graph's own edge
 * operations (add, remove, remove-if-exists, remove node). Everything else stays HyperFormula's:
 * the arrays, their order and holes, the topological sort, so evaluation is unchanged. Node ids
 * are never reused, so an id left in an index after its node was removed is never asked about
 * again.
 *
 * The graph's fields are internal to HyperFormula: the index is installed only when the graph has
 * the shape this was written for (HyperFormula 3.5), and otherwise the workbook simply keeps
 * HyperFormula's own edge handling (slower, equally right). `edgeIndexInstalled` tells a test
 * which happened, so an upgrade that changes the shape is noticed.
 */
import type { HyperFormula } from "hyperformula";

/** Dependents counted before a node gets an index: below this, a scan is as cheap as a lookup. */
export const INDEXED_FROM = 32;

type NodeId = number;
interface GraphNode {
  idInGraph?: NodeId;
}

const INSTALLED = Symbol("genai.edgeIndex");

/** The part of HyperFormula's Graph class the index relies on. */
interface EdgeGraph {
  edgesSparseArray: (NodeId[] | undefined)[];
  nodesSparseArray: unknown[];
  addEdge(from: GraphNode | NodeId, to: GraphNode | NodeId): void;
  removeEdge(from: GraphNode | NodeId, to: GraphNode | NodeId): void;
  removeEdgeIfExists(from: GraphNode | NodeId, to: GraphNode | NodeId): void;
  removeNode(node: GraphNode): unknown;
  existsEdge(from: GraphNode, to: GraphNode): boolean;
  getNodeIdIfNotNumber(node: GraphNode | NodeId): NodeId | undefined;
  /** Set once the index is installed. */
  [INSTALLED]?: true;
}

function graphOf(hf: HyperFormula): EdgeGraph | null {
  const graph = (hf as unknown as { graph?: unknown }).graph as Partial<EdgeGraph> | undefined;
  if (!graph || typeof graph !== "object") return null;
  const methods = [
    "addEdge",
    "removeEdge",
    "removeEdgeIfExists",
    "removeNode",
    "existsEdge",
    "getNodeIdIfNotNumber",
  ] as const;
  if (!Array.isArray(graph.edgesSparseArray) || !Array.isArray(graph.nodesSparseArray)) return null;
  if (methods.some((m) => typeof graph[m] !== "function")) return null;
  return graph as EdgeGraph;
}

/** Whether the workbook's dependency graph has the membership index. */
export function edgeIndexInstalled(hf: HyperFormula): boolean {
  const graph = graphOf(hf);
  return graph?.[INSTALLED] === true;
}

/**
 * Installs the index on the workbook's dependency graph (once; a second call does nothing).
 * Returns whether the graph has it.
 */
export function installEdgeIndex(hf: HyperFormula): boolean {
  const graph = graphOf(hf);
  if (!graph) return false;
  if (graph[INSTALLED]) return true;
  // HyperFormula's own methods, for what the index does not change.
  const own = {
    addEdge: graph.addEdge.bind(graph),
    removeEdge: graph.removeEdge.bind(graph),
    removeEdgeIfExists: graph.removeEdgeIfExists.bind(graph),
    removeNode: graph.removeNode.bind(graph),
    existsEdge: graph.existsEdge.bind(graph),
  };
  const index = new Map<NodeId, Set<NodeId>>();

  /** The index of a node's dependents, built when the array grows long enough to need one. */
  const indexOf = (fromId: NodeId, edges: NodeId[]): Set<NodeId> | undefined => {
    let set = index.get(fromId);
    if (set === undefined && edges.length >= INDEXED_FROM) {
      set = new Set<NodeId>();
      // The array may have holes where edges were removed: those are not dependents.
      for (const id of edges) if (id !== undefined) set.add(id);
      index.set(fromId, set);
    }
    return set;
  };

  graph.addEdge = function (fromNode, toNode) {
    const fromId = graph.getNodeIdIfNotNumber(fromNode);
    const toId = graph.getNodeIdIfNotNumber(toNode);
    const edges = fromId === undefined ? undefined : graph.edgesSparseArray[fromId];
    // A node missing from the graph: HyperFormula's own method raises its own error.
    if (fromId === undefined || toId === undefined || edges === undefined) {
      own.addEdge(fromNode, toNode);
      return;
    }
    const set = indexOf(fromId, edges);
    if (set === undefined ? edges.includes(toId) : set.has(toId)) return;
    edges.push(toId);
    set?.add(toId);
  };

  const forget = (fromNode: GraphNode | NodeId, toNode: GraphNode | NodeId): void => {
    const fromId = graph.getNodeIdIfNotNumber(fromNode);
    const toId = graph.getNodeIdIfNotNumber(toNode);
    if (fromId !== undefined && toId !== undefined) index.get(fromId)?.delete(toId);
  };
  graph.removeEdge = function (fromNode, toNode) {
    own.removeEdge(fromNode, toNode);
    forget(fromNode, toNode);
  };
  graph.removeEdgeIfExists = function (fromNode, toNode) {
    own.removeEdgeIfExists(fromNode, toNode);
    forget(fromNode, toNode);
  };
  graph.removeNode = function (node) {
    const id = node.idInGraph;
    const result = own.removeNode(node);
    if (id !== undefined) index.delete(id);
    return result;
  };
  graph.existsEdge = function (fromNode, toNode) {
    const fromId = fromNode.idInGraph;
    const toId = toNode.idInGraph;
    const set = fromId === undefined ? undefined : index.get(fromId);
    if (set === undefined || toId === undefined || graph.edgesSparseArray[fromId as NodeId] === undefined)
      return own.existsEdge(fromNode, toNode);
    return set.has(toId);
  };
  graph[INSTALLED] = true;
  return true;
}
