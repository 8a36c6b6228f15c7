/**
 * Engine plumbing every feature's processes rely on: who triggered an instance, the
 * variables a delegate reads and writes, the beans and calls BPMN expressions may use,
 * and engine reads on a caller's behalf. No feature logic; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine plumbing", allowedDependencies = {})
package io.regionplan.engine;
