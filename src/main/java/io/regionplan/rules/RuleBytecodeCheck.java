package io.regionplan.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.regionplan.rules.RuleTypes.Scope;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks the classes the executable model compiled from a rule set before any of them is
 * loaded: each must be of a shape Drools generates ({@link GeneratedClass}), with only
 * the members of that shape; every type and member they use must be on {@link RuleTypes}'
 * list for the code it appears in; and no method may loop, synchronize, catch or create
 * arrays of a computed size ({@link RuleCodeVisitor}). This reads what the compiler
 * resolved, so a type reached through a method's return value is seen as surely as one
 * named in the text, and text of a rule that found its way into the generated Java is
 * held to the same rules. Each problem names the rule file, the line and the type.
 */
final class RuleBytecodeCheck {

	/**
	 * What the check found; {@code rulesByClass} names the rules each generated class
	 * belongs to.
	 */
	record Result(List<RuleFileProblem> problems, Map<String, List<String>> rulesByClass) {
	}

	private final GeneratedRuleMap rules = new GeneratedRuleMap();

	private final RuleProblems problems;

	/** The keys of the rule set's {@code parameters.properties}. */
	private final Set<String> parameters;

	/**
	 * The generated classes, by internal name: calls between them are checked where they
	 * land.
	 */
	private final Set<String> generated;

	private RuleBytecodeCheck(List<RuleLanguageCheck.RuleSpan> spans, Map<String, String> texts, Set<String> parameters,
			Set<String> generated) {
		this.problems = new RuleProblems(spans, texts, rules);
		this.parameters = parameters;
		this.generated = generated;
	}

	/**
	 * @param classes the compiled classes by resource path ({@code rules/x/Foo.class});
	 * other files are ignored
	 * @param spans where each rule is, from {@link RuleLanguageCheck}
	 * @param texts the text of each rule file, to find the line of a problem within its
	 * rule
	 * @param packages the DRL packages of the rule set
	 * @param parameters the keys of the rule set's parameters: a rule that reads another
	 * by its literal name is refused (a key it builds at run time is checked when it
	 * runs)
	 */
	static Result check(Map<String, byte[]> classes, List<RuleLanguageCheck.RuleSpan> spans, Map<String, String> texts,
			Set<String> packages, Set<String> parameters) {
		Map<String, ClassReader> readers = new LinkedHashMap<>();
		classes.forEach((path, bytes) -> {
			if (path.endsWith(".class")) {
				readers.put(path.substring(0, path.length() - ".class".length()), new ClassReader(bytes));
			}
		});
		RuleBytecodeCheck check = new RuleBytecodeCheck(spans, texts, parameters, readers.keySet());
		// first which rule each class belongs to, so that a problem anywhere can name its
		// rule
		readers.values().forEach(reader -> reader.accept(check.rules, ClassReader.SKIP_DEBUG));
		for (ClassReader reader : readers.values()) {
			check.checkClass(reader, packages);
		}
		return new Result(check.problems.all(), check.rules.byClassName());
	}

	private void checkClass(ClassReader reader, Set<String> packages) {
		String name = reader.getClassName();
		GeneratedClass kind = GeneratedClass.of(name);
		if (kind == null || kind != GeneratedClass.MODULE && !packages.contains(kind.packageOf(name))) {
			problem(name, null, "new", "规则文件不能定义类（匿名类、declare 等）：" + javaName(name),
					"a rule file may not define classes (anonymous classes, declare, ...): " + javaName(name));
			return;
		}
		reader.accept(new ClassVisitor(Opcodes.ASM9) {

			@Override
			public void visit(int version, int access, String type, String signature, String superName,
					String[] interfaces) {
				typeUse(name, null, superName, kind.scope());
				for (String implemented : interfaces == null ? new String[0] : interfaces) {
					typeUse(name, null, implemented, kind.scope());
				}
			}

			@Override
			public FieldVisitor visitField(int access, String field, String descriptor, String signature,
					Object value) {
				if (!kind.allowsField(field)) {
					unexpected(name, field);
				}
				descriptorUse(name, null, descriptor, kind.scope());
				return null;
			}

			@Override
			public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
					String[] exceptions) {
				if (!kind.allowsMethod(method)) {
					unexpected(name, method);
				}
				Scope scope = kind.isRuleCode(method, access) ? Scope.RULE : kind.scope();
				descriptorUse(name, method, descriptor, scope);
				return new RuleCodeVisitor(RuleBytecodeCheck.this, name, method, scope, kind.isBoilerplate(method));
			}

		}, 0);
	}

	/**
	 * A member Drools' templates do not make: code that did not come from them (text of a
	 * rule written in).
	 */
	private void unexpected(String owner, String member) {
		problem(owner, null, null, "生成的代码有意外的成员 " + member + "（规则名或属性中的文字写进了代码？）",
				"the generated code has an unexpected member '" + member
						+ "' (text of a rule name or attribute written " + "into the code?)");
	}

	void typeUse(String owner, String method, String descriptorOrName, Scope scope) {
		String type = descriptorOrName == null ? null : internalName(descriptorOrName);
		if (type != null && !generated.contains(type) && !RuleTypes.allowsType(type, scope)) {
			String java = javaName(type);
			problem(owner, method, simpleName(java), "不允许使用类型 " + java, "the type " + java + " is not allowed");
		}
	}

	void descriptorUse(String owner, String method, String descriptor, Scope scope) {
		Type type = Type.getType(descriptor);
		List<Type> types = new ArrayList<>();
		if (type.getSort() == Type.METHOD) {
			types.addAll(List.of(type.getArgumentTypes()));
			types.add(type.getReturnType());
		}
		else {
			types.add(type);
		}
		for (Type used : types) {
			if (used.getSort() == Type.OBJECT || used.getSort() == Type.ARRAY) {
				typeUse(owner, method, used.getDescriptor(), scope);
			}
		}
	}

	void memberUse(String owner, String method, String memberOwner, String name, String descriptor, Scope scope) {
		String ownerType = internalName(memberOwner);
		if (ownerType != null && generated.contains(ownerType)) {
			return;
		}
		if (!RuleTypes.allowsMember(memberOwner, name, descriptor, scope)) {
			String java = javaName(memberOwner) + "." + name;
			problem(owner, method, name.equals("<init>") ? simpleName(javaName(memberOwner)) : Pattern.quote(name),
					"不允许使用 " + java.replace(".<init>", " 的构造方法"),
					(name.equals("<init>") ? "the constructor of " + javaName(memberOwner) : java) + " is not allowed");
		}
	}

	void parameterRead(String owner, String method, String key) {
		if (!parameters.contains(key)) {
			problem(owner, method, RuleCodeVisitor.quoted(key), "读取的参数 " + key + " 不在 parameters.properties 中",
					"reads the parameter '" + key + "', which parameters.properties does not have");
		}
	}

	void problem(String owner, String method, String word, String zh, String en) {
		problems.add(owner, method, word, zh, en);
	}

	/**
	 * The internal name of a type given as a name or a descriptor; of an array, its
	 * element type's.
	 */
	private static String internalName(String type) {
		if (type.startsWith("[") || type.startsWith("L") && type.endsWith(";")) {
			Type parsed = Type.getType(type);
			Type element = parsed.getSort() == Type.ARRAY ? parsed.getElementType() : parsed;
			return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
		}
		return type;
	}

	private static String javaName(String internalName) {
		return internalName.replace('/', '.');
	}

	private static String simpleName(String javaName) {
		String simple = javaName.substring(javaName.lastIndexOf('.') + 1);
		return Pattern.quote(simple.substring(simple.lastIndexOf('$') + 1));
	}

}
