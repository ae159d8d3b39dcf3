// The TS port of shared/reference/oracle/ui_sample.py: the same tree, built with the TS factories.
import * as ui from '../../src/ui/index.js';
import type { UINode } from '../../src/ui/index.js';

export function buildSample(): UINode {
  const refresh = ui.Call('refresh_inbox', { folder: 'INBOX', page: 1 });
  const openMsg = ui.Call('open_message', { message_id: 'm-1' });

  const toolbar = ui.Stack(
    [
      ui.Button('New', { variant: 'primary', icon: 'Plus', onClick: ui.Call('compose') }),
      ui.Button('Refresh', { variant: 'secondary', size: 'sm', onClick: refresh }),
      ui.Button('Disabled', { variant: 'ghost', disabled: true, fullWidth: true }),
      ui.Menu({
        items: [
          { label: 'Archive all', icon: 'Archive', onClick: ui.Call('archive_all') },
          { separator: true },
          { label: 'Help', onClick: ui.Open('https://docs.example.test/help') },
        ],
        trigger: ui.Icon('MoreVertical', { size: 18 }),
      }),
    ],
    { direction: 'h', gap: 2, wrap: false, align: 'center', justify: 'between', sticky: true, className: 'px-2' },
  );

  const messageList = ui.List({
    items: [
      ui.ListItem({
        id: 'm-1',
        title: 'Quarterly report',
        subtitle: 'alice@example.test',
        meta: '09:41',
        avatar: ui.Avatar({ fallback: 'A', src: '', size: 'sm' }),
        badge: ui.Badge('New', { color: 'blue' }),
        selected: true,
        onClick: openMsg,
        actions: [{ icon: 'Trash2', onClick: ui.Call('delete_message', { message_id: 'm-1' }), confirm: 'Delete?' }],
        draggable: true,
        icon: 'Mail',
      }),
      ui.ListItem('m-2', 'Lunch?', {
        subtitle: 'bob@example.test',
        droppable: true,
        onDrop: ui.Call('move_to_folder', { folder: 'Later' }),
        expandable: true,
        expandedContent: [
          ui.KeyValue({ items: [{ key: 'From', value: 'bob' }, { key: 'Size', value: 1234 }], columns: 2 }),
          ui.Button('Reply', { onClick: ui.Send('Reply to Bob: sounds good') }),
        ],
      }),
    ],
    searchable: true,
    groupedBy: 'date',
    pageSize: 25,
    onEndReached: ui.Call('load_more', { cursor: 'c-2' }),
    selectable: true,
    bulkActions: [{ label: 'Mark read', icon: 'Check', action: ui.Call('mark_read') }],
    totalItems: 120,
    extraInfo: '3 unread',
  });

  const table = ui.DataTable({
    columns: [
      ui.DataColumn('name', 'Name'),
      ui.DataColumn('qty', 'Qty', { sortable: false, width: '80px' }),
      ui.DataColumn('active', 'Active', { editable: true, editType: 'toggle' }),
    ],
    rows: [
      { id: 'r1', name: 'Widget', qty: 3, active: true },
      { id: 'r2', name: 'Gadget', qty: 0, active: false },
    ],
    onRowClick: ui.Call('open_row'),
    onCellEdit: ui.Call('edit_cell'),
  });

  const stats = ui.Stats(
    [ui.Stat('Unread', 5, { trend: '+2', icon: 'Mail', color: 'red' }), ui.Stat('Total', 1200), ui.Stat('Ratio', 0.25, { color: 'green' })],
    { columns: 3 },
  );

  const overviewTab = ui.Column(
    [
      ui.Header('Overview', { level: 2, subtitle: 'Last 7 days' }),
      stats,
      ui.Chart({
        data: [
          { day: 'Mon', spend: 10, clicks: 100 },
          { day: 'Tue', spend: 12, clicks: 90 },
        ],
        type: 'bar',
        xKey: 'day',
        height: 240,
        colors: { spend: '#ef4444' },
        y2Keys: ['clicks'],
      }),
      ui.Progress(42, { label: 'Quota', variant: 'circle', color: 'yellow' }),
      ui.Progress(100),
      ui.Alert('Sync delayed', { title: 'Heads up', type: 'warn' }),
      ui.Timeline({
        items: [
          { title: 'Created', description: 'by alice', time: '09:00', icon: 'Plus', color: 'green' },
          { title: 'Sent', time: '09:05' },
        ],
      }),
    ],
    { gap: 4 },
  );

  const formTab = ui.Form({
    children: [
      ui.Input({ placeholder: 'Name', value: '', paramName: 'name' }),
      ui.Input({ placeholder: 'Email', paramName: 'email', type: 'email', onSubmit: ui.Call('check_email') }),
      ui.Password({ paramName: 'api_key' }),
      ui.TextArea({ placeholder: 'Notes', rows: 6, paramName: 'notes' }),
      ui.Select({
        options: [
          { value: 'lo', label: 'Low' },
          { value: 'hi', label: 'High' },
        ],
        value: 'lo',
        placeholder: 'Priority',
        onChange: ui.Call('set_priority'),
        paramName: 'priority',
      }),
      ui.MultiSelect({
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
        values: ['a'],
        placeholder: 'Labels',
      }),
      ui.Toggle({ label: 'Notify me', value: true, paramName: 'notify' }),
      ui.Slider({ min: 1, max: 10, value: 3, step: 1, label: 'Retries', paramName: 'retries' }),
      ui.DatePicker({ value: '2026-01-31', onChange: ui.Call('set_due') }),
      ui.FileUpload({
        accept: '.pdf,.png',
        maxSizeMb: 5,
        multiple: true,
        onUpload: ui.Call('upload_files'),
        blockedExtensions: ['exe', 'bat'],
        maxTotalMb: 20,
        maxFiles: 4,
      }),
      ui.RichEditor({ content: '<p>Hello</p>', onSave: ui.Call('save_doc'), toolbar: false }),
      ui.TagInput({
        values: ['x'],
        suggestions: ['y', 'z'],
        placeholder: 'Tags',
        delimiters: [',', ' ', ''],
        validate: '^[a-z]+$',
        validateMessage: 'lowercase only',
        onChange: ui.Call('set_tags'),
      }),
    ],
    action: 'save_settings',
    submitLabel: 'Save',
    defaults: { app_id: 'demo', nested: { keep: null } },
  });

  const mediaTab = ui.Grid(
    [
      ui.Image('https://img.example.test/a.png', {
        alt: 'A',
        width: '120px',
        height: '80px',
        onClick: ui.Open('https://img.example.test/a.png'),
        objectFit: 'cover',
        caption: 'Figure A',
      }),
      ui.Video('https://v.example.test/a.mp4', {
        poster: 'https://v.example.test/p.png',
        title: 'Demo',
        autoplay: true,
        controls: false,
        loop: true,
        muted: true,
        width: '320px',
        height: '180px',
      }),
      ui.Audio('https://a.example.test/a.mp3', { title: 'Voice', autoplay: false, loop: true }),
      ui.Code("print('hi')", { language: 'python', lineNumbers: true }),
      ui.Markdown('**bold** and _it_'),
      ui.Html('<p>mail body</p>', { sandbox: true, maxHeight: 400, theme: 'light' }),
      ui.Html('<b>dark default</b>'),
      ui.Graph({
        nodes: [{ data: { id: 'n1', label: 'Alice', type: 'person' } }, { id: 'n2', label: 'Acme', type: 'org' }],
        edges: [{ data: { id: 'e1', source: 'n1', target: 'n2' } }],
        layout: 'circle',
        height: 300,
        edgeLabelVisible: true,
        onNodeClick: ui.Call('open_entity'),
      }),
    ],
    { columns: 3, gap: 2 },
  );

  const misc = ui.Section(
    [
      ui.Row([ui.Text('Badge values:', { variant: 'caption' }), ui.Badge('zero', { value: 0, color: 'red' }), ui.Badge({ value: 7 }), ui.Badge()]),
      ui.Accordion({
        sections: [
          { id: 's1', title: 'More', children: [ui.Text('inside')] },
          { id: 's2', title: 'Empty', children: [] },
        ],
        allowMultiple: true,
      }),
      ui.Tree({ nodes: [{ id: 'root', label: 'Root', icon: 'Folder', children: [{ id: 'leaf', label: 'Leaf' }] }] }),
      ui.Card({
        title: 'Card',
        subtitle: 'with slots',
        content: ui.Text('card body'),
        footer: ui.Link('Docs', { href: 'https://docs.example.test' }),
        onClick: ui.Navigate('/ext/demo/card'),
      }),
      ui.Card(),
      ui.Dialog('Delete item?', {
        content: ui.Text('This cannot be undone.'),
        confirmLabel: 'Delete',
        onConfirm: ui.Call('delete_item', { item_id: 'i1' }),
      }),
      ui.Tooltip('Explains things', { children: ui.Icon('Info', { color: 'gray' }) }),
      ui.Link({ text: 'Alias text link', onClick: ui.Send('hello') }),
      ui.SlideOver('Details', { children: [ui.Text('side')], subtitle: 'sub', open: false, width: 'lg', onClose: ui.Call('close_details') }),
      ui.Divider(),
      ui.Divider({ label: 'or' }),
      ui.Empty({ message: 'Nothing here', icon: 'Inbox', action: ui.Send('Create my first item') }),
      ui.Empty(),
      ui.Loading(),
      ui.Loading({ message: 'Fetching', variant: 'dots' }),
      ui.Error('Upstream failed', { retry: ui.Call('retry_fetch') }),
      ui.Text('Unicode: héllo — ✓ 日本'),
    ],
    { title: 'Misc', collapsible: true },
  );

  const tray = ui.TrayResponse({
    badge: ui.Badge('3', { color: 'red' }),
    panel: ui.List({ items: [ui.ListItem({ id: 't1', title: 'Alert' })] }),
  });

  return ui.Page(
    [
      toolbar,
      ui.Tabs({
        tabs: [
          { label: 'Overview', content: overviewTab },
          { label: 'Inbox', content: messageList, icon: 'Mail' },
          { label: 'Table', content: table },
          { label: 'Settings', content: formTab },
          { label: 'Media', content: mediaTab },
        ],
        defaultTab: 1,
      }),
      misc,
      ui.Stack([tray]),
    ],
    { title: 'Demo panel', subtitle: 'ui_sample oracle' },
  );
}
