// The Agent Desk side of vendors.md §5.2: it logs in to the Agent Manager over Socket.IO with its
// Keycloak user and publishes the agent's messages with publishCimEvent. It has no postMessage API.
'use strict';
(function () {
  const params = new URLSearchParams(window.location.search);
  const agentId = params.get('agent') || 'agent-1';
  const transports = params.get('transports');
  const keycloakUser = { id: agentId, username: 'jdoe', firstName: 'Jo', lastName: 'Doe', roles: ['agent'] };
  const socket = io(window.location.origin, {
    path: '/socket.io',
    auth: { agent: keycloakUser, fcm: '' },
    // Default: what socket.io-client does unless told otherwise (long-polling, then upgrade).
    ...(transports ? { transports: transports.split(',') } : {}),
  });
  const fromServer = [];
  window.fromServer = fromServer;
  socket.onAny((event, ...args) => fromServer.push({ event, args }));
  // A second Socket.IO connection in the same page (a chat widget, another module): its own
  // Engine.IO session, opened later than the desk's, so it is the page's newest socket.
  window.openWidgetSocket = () =>
    new Promise((resolve) => {
      const widget = io(window.location.origin, { path: '/socket.io', forceNew: true, transports: ['websocket'], auth: { agent: { id: `widget-${agentId}` } } });
      widget.on('connect', () => resolve(true));
      window.widget = widget;
    });
  window.closeDesk = () => {
    socket.io.reconnection(false);
    socket.disconnect();
    return true;
  };
  window.transport = () => (socket.connected ? socket.io.engine.transport.name : 'disconnected');
  window.publish = (conversationId, text) => {
    const cimEvent = {
      id: `cim-out-${Date.now().toString(36)}`,
      name: 'AGENT_MESSAGE',
      type: 'MESSAGE',
      timestamp: new Date().toISOString(),
      data: {
        header: { sender: { type: 'AGENT', participant: { firstName: 'Jo', lastName: 'Doe' } }, channelSession: {} },
        body: { type: 'PLAIN', markdownText: text },
      },
    };
    socket.emit('publishCimEvent', { cimEvent, agentId, conversationId });
    return cimEvent.id;
  };
})();
