// Node-only exports of the request box: the Node ↔ Fetch bridge shared by the Node servers.
export { clientGoneSignal, fromNodeRequest, hasUnreadBody, toNodeHandler, toWebStream, writeNodeResponse, type NodeHandler } from './node-bridge.node.ts';
