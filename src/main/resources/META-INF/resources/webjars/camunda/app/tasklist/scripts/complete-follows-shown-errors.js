// Tasklist's Complete button on a Camunda Form follows the errors the form shows.
//
// Tasklist 7.24 disables Complete while form-js's error map has any key. When a field inside a row of a dynamic
// list is edited, form-js clears that field's error at [field id, row index], which leaves an empty array under the
// field id: Complete then stayed disabled on a form without a single error, and no edit or save changed that.
// Here Tasklist's "invalid" holds only while the form shows an error message. Nothing else changes: Complete still
// has form-js validate the whole form before anything is sent (a field left empty is then refused and marked), and
// the server checks every completion against the task's form.
//
// What form-js reports is never passed on before the form has rendered it: pressing Complete straight after typing
// takes the typing out of the text area, form-js reports the change (with the empty arrays) while the button is
// being pressed, and a button disabled for that moment swallowed the press. Complete now changes only when an error
// message appears or goes away.
const SHOWN_ERROR = '.fjs-form-field-error';

function followShownErrors(scope, element, tasklistForm) {
  let reported = false; // what Tasklist's form-js integration last said
  let sent = null; // what the Complete button last got (nothing yet: the start dialog begins invalid)
  const send = () => {
    const invalid = reported && element.querySelector(SHOWN_ERROR) !== null;
    if (invalid !== sent) {
      sent = invalid;
      tasklistForm.notifyFormValidated(invalid);
    }
  };
  // form-js renders after it reports: an error message that appears or goes away is a change of the form's markup
  const rendered = new MutationObserver(send);
  rendered.observe(element, { childList: true, subtree: true });
  scope.$on('$destroy', () => rendered.disconnect());

  const followed = Object.create(tasklistForm);
  followed.notifyFormValidated = invalid => {
    reported = invalid;
    setTimeout(send); // once the form has rendered what it reported
  };
  // a form that failed to load stays invalid, whatever it shows
  followed.notifyFormInitializationFailed = error => tasklistForm.notifyFormInitializationFailed(error);
  return followed;
}

window.angular.module('cam.tasklist.custom').config(['$provide', $provide => {
  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', directives => {
    const directive = directives[0];
    const link = directive.link;
    directive.compile = () => function (scope, element, attrs, tasklistForm) {
      return link.call(this, scope, element, attrs, followShownErrors(scope, element[0], tasklistForm));
    };
    return directives;
  }]);
}]);
