package io.regionplan.rules;

/**
 * The parent of the class loader that defines a compiled rule set's classes: it lets
 * through only the types of {@link RuleTypes}, so generated code that names any other
 * class cannot link, whatever got it past the build-time check. Drools' own engine
 * classes are loaded by the application, not through here.
 */
final class RuleClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	RuleClassLoader(ClassLoader application) {
		super("regionplan-rules", application);
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!RuleTypes.loadable(name)) {
			throw new ClassNotFoundException("规则不得使用 " + name + " / rules may not use " + name);
		}
		return super.loadClass(name, resolve);
	}

	@Override
	public java.net.URL getResource(String name) {
		return null;
	}

	@Override
	public java.util.Enumeration<java.net.URL> getResources(String name) {
		return java.util.Collections.emptyEnumeration();
	}

}
