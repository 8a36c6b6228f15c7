package io.regionplan.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which rule each generated lambda class (and lambda method) belongs to, read off the
 * {@code rule_<name>} methods of the generated rule definitions: what names the rule of a
 * problem at compile time and of a failure at run time (from the stack).
 */
final class GeneratedRuleMap extends ClassVisitor {

	private final Map<String, Set<String>> rulesByClass = new LinkedHashMap<>();

	private String type;

	GeneratedRuleMap() {
		super(Opcodes.ASM9);
	}

	/**
	 * The rules of a class ({@code a/b/C}) or of one of its methods ({@code a/b/C.m});
	 * {@code null} if unknown.
	 */
	Set<String> rules(String type, String method) {
		Set<String> rules = method == null ? null : rulesByClass.get(type + "." + method);
		if (rules == null) {
			rules = rulesByClass.get(type);
		}
		if (rules == null && type.indexOf('$') > 0) {
			// a class nested in a generated class (an anonymous class in a consequence):
			// the rule of its outer class
			rules = rulesByClass.get(type.substring(0, type.indexOf('$')));
		}
		return rules;
	}

	/**
	 * By binary class name ({@code a.b.C}, or {@code a.b.C.m} for a method), for the
	 * evaluations.
	 */
	Map<String, List<String>> byClassName() {
		Map<String, List<String>> rules = new LinkedHashMap<>();
		rulesByClass.forEach((key, names) -> rules.put(key.replace('/', '.'), List.copyOf(names)));
		return rules;
	}

	@Override
	public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
		type = name;
	}

	@Override
	public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
			String[] exceptions) {
		if (!method.startsWith("rule_")) {
			return null;
		}
		List<String> strings = new ArrayList<>();
		Set<String> uses = new LinkedHashSet<>();
		String[] rule = new String[1];
		return new MethodVisitor(Opcodes.ASM9) {

			@Override
			public void visitLdcInsn(Object value) {
				if (value instanceof String text) {
					strings.add(text);
				}
			}

			@Override
			public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
				// D.rule(package, name): the last string before it is the rule's name
				if (name.equals("rule") && owner.startsWith("org/drools/") && rule[0] == null && !strings.isEmpty()) {
					rule[0] = strings.get(strings.size() - 1);
				}
			}

			@Override
			public void visitFieldInsn(int opcode, String owner, String name, String desc) {
				if (GeneratedClass.of(owner) == GeneratedClass.LAMBDA) {
					uses.add(owner);
				}
			}

			@Override
			public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
				for (Object argument : arguments) {
					if (argument instanceof Handle handle && handle.getOwner().equals(type)) {
						uses.add(type + "." + handle.getName());
					}
				}
			}

			@Override
			public void visitEnd() {
				if (rule[0] != null) {
					uses.add(type + "." + method);
					uses.forEach(used -> rulesByClass.computeIfAbsent(used, k -> new LinkedHashSet<>()).add(rule[0]));
				}
			}

		};
	}

}
