// RegionPlan's Tasklist configuration: served in place of the webjar's scripts/config.js (the application's own
// files come first on the class path). Custom scripts are ES modules under app/tasklist/, imported before Tasklist
// starts (docs/process-owners.md, "The planning cycle").
export default {
  customScripts: ['scripts/complete-follows-shown-errors'],

  // Tasklist's keyboard shortcuts (its help dialog lists them with these descriptions)
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前任务 / claim the selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: '跳到第一个筛选 / focus the first filter' },
    focusList: { key: 'ctrl+alt+l', description: '跳到第一个任务 / focus the first task' },
    focusForm: { key: 'ctrl+alt+f', description: '跳到表单第一个字段 / focus the form\'s first field' },
    startProcess: { key: 'ctrl+alt+p', description: '发起流程 / start a process' }
  }
};
