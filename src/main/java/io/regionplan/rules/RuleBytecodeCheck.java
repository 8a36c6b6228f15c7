package io.regionplan.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.regionplan.rules.RuleTypes.Scope;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks the classes the executable model compiled from a rule set before any of them is loaded: every type
 * and member they use must be on {@link RuleTypes}' list for the code it appears in, and the code written in
 * a rule (a condition, a consequence, a {@code from} or accumulate expression) may not loop, synchronize,
 * catch, create lambdas or classes, or create arrays of a size it computes. This reads what the compiler
 * resolved, so a type reached through a method's return value is seen as surely as one named in the text.
 * Each problem names the rule file, the line and the type.
 */
final class RuleBytecodeCheck {

	/** The largest array rule code may create: the arguments of a call with a variable number of them. */
	static final int MAX_ARRAY = 256;

	private static final Pattern LAMBDA_CLASS = Pattern.compile("(rules/[a-z0-9_/]+)/P[0-9A-F]{2}/Lambda[A-Z][A-Za-z]*[0-9A-F]{32}");

	private static final Pattern RULES_CLASS = Pattern.compile(
			"(rules/[a-z0-9_/]+)/(Rules[0-9A-F]{32}(RuleMethods\\d+)?|DomainClassesMetadata[0-9A-F]{32}(\\$\\w+)?)");

	private static final String PARAMETERS = RuleTypes.FACTS + "Parameters";

	private static final Pattern MODULE_CLASS = Pattern.compile("org/drools/project/model/ProjectModel\\w*");

	/** The methods of a generated lambda class that Drools writes itself; the others hold rule code. */
	private static final Set<String> LAMBDA_BOILERPLATE = Set.of("<clinit>", "<init>", "values", "valueOf",
			"getExpressionHash", "predicateInformation");

	/** What the check found; {@code rulesByClass} names the rules each generated class belongs to. */
	record Result(List<RuleFileProblem> problems, Map<String, List<String>> rulesByClass) {
	}

	private final Map<String, RuleLanguageCheck.RuleSpan> spans = new LinkedHashMap<>();

	private final Map<String, String> texts;

	private final Map<String, Set<String>> rulesByClass = new LinkedHashMap<>();

	/** The keys of the rule set's {@code parameters.properties}. */
	private final Set<String> parameters;

	private final Set<String> problems = new LinkedHashSet<>();

	private final List<RuleFileProblem> found = new ArrayList<>();

	/**
	 * @param spans where each rule is, from {@link RuleLanguageCheck}
	 * @param texts the text of each rule file, to find the line of a problem within its rule
	 */
	private RuleBytecodeCheck(List<RuleLanguageCheck.RuleSpan> spans, Map<String, String> texts, Set<String> parameters) {
		spans.forEach(span -> this.spans.putIfAbsent(span.rule(), span));
		this.texts = texts;
		this.parameters = parameters;
	}

	/**
	 * @param classes the compiled classes by resource path ({@code rules/x/Foo.class}); other files are ignored
	 * @param parameters the keys of the rule set's parameters: a rule that reads another by its literal name is
	 *        refused (a key it builds at run time is checked when it runs)
	 */
	static Result check(Map<String, byte[]> classes, List<RuleLanguageCheck.RuleSpan> spans, Map<String, String> texts,
			Set<String> packages, Set<String> parameters) {
		RuleBytecodeCheck check = new RuleBytecodeCheck(spans, texts, parameters);
		Map<String, ClassReader> readers = new LinkedHashMap<>();
		classes.forEach((path, bytes) -> {
			if (path.endsWith(".class")) {
				readers.put(path.substring(0, path.length() - ".class".length()), new ClassReader(bytes));
			}
		});
		// first which rule each class belongs to, so that a problem anywhere can name its rule
		readers.values().forEach(reader -> reader.accept(check.new RuleMap(), ClassReader.SKIP_DEBUG));
		Set<String> generated = readers.keySet();
		for (ClassReader reader : readers.values()) {
			check.checkClass(reader, generated, packages);
		}
		Map<String, List<String>> rules = new LinkedHashMap<>();
		check.rulesByClass.forEach((type, names) -> rules.put(type.replace('/', '.'), List.copyOf(names)));
		return new Result(List.copyOf(check.found), rules);
	}

	private void checkClass(ClassReader reader, Set<String> generated, Set<String> packages) {
		String name = reader.getClassName();
		Matcher lambda = LAMBDA_CLASS.matcher(name);
		Matcher rules = RULES_CLASS.matcher(name);
		boolean module = MODULE_CLASS.matcher(name).matches();
		String pkg = lambda.matches() ? lambda.group(1) : rules.matches() ? rules.group(1) : null;
		if (!module && (pkg == null || !packages.contains(pkg.replace('/', '.')))) {
			problem(name, null, "new", "规则文件不能定义类（匿名类、declare 等）：" + javaName(name),
					"a rule file may not define classes (anonymous classes, declare, ...): " + javaName(name));
			return;
		}
		Scope classScope = module ? Scope.MODULE : Scope.GENERATED;
		reader.accept(new ClassVisitor(Opcodes.ASM9) {

			@Override
			public void visit(int version, int access, String type, String signature, String superName,
					String[] interfaces) {
				typeUse(name, null, superName, classScope, generated);
				if (interfaces != null) {
					for (String implemented : interfaces) {
						typeUse(name, null, implemented, classScope, generated);
					}
				}
			}

			@Override
			public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
				descriptorUse(name, null, descriptor, classScope, generated);
				return null;
			}

			@Override
			public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
					String[] exceptions) {
				boolean ruleCode = lambda.matches() ? !LAMBDA_BOILERPLATE.contains(method) && (access & Opcodes.ACC_BRIDGE) == 0
						: method.startsWith("lambda$");
				Scope scope = ruleCode ? Scope.RULE : classScope;
				descriptorUse(name, method, descriptor, scope, generated);
				return new Code(name, method, scope, generated);
			}

		}, 0);
	}

	/** Checks one method's instructions. */
	private final class Code extends MethodVisitor {

		private final String owner;

		private final String method;

		private final Scope scope;

		private final Set<String> generated;

		private final Set<Label> seen = new HashSet<>();

		/** The int constant pushed by the instruction just before, if it was one. */
		private Integer constant;

		/** The string constant pushed by the instruction just before, if it was one. */
		private String text;

		Code(String owner, String method, Scope scope, Set<String> generated) {
			super(Opcodes.ASM9);
			this.owner = owner;
			this.method = method;
			this.scope = scope;
			this.generated = generated;
		}

		private void reset() {
			constant = null;
			text = null;
		}

		private boolean rule() {
			return scope == Scope.RULE;
		}

		@Override
		public void visitLabel(Label label) {
			seen.add(label);
		}

		@Override
		public void visitInsn(int opcode) {
			if (rule() && (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT)) {
				problem(owner, method, "synchronized", "规则代码不能同步（synchronized）", "rule code may not synchronize");
			}
			constant = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
			text = null;
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			if (opcode == Opcodes.NEWARRAY) {
				array();
			}
			constant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
			text = null;
		}

		@Override
		public void visitLdcInsn(Object value) {
			if (value instanceof Type type && type.getSort() != Type.METHOD) {
				typeUse(owner, method, type.getInternalName(), scope, generated);
			}
			else if (value instanceof Handle handle) {
				memberUse(owner, handle.getOwner(), handle.getName(), handle.getDesc(), scope, generated);
			}
			else if (value instanceof ConstantDynamic) {
				problem(owner, null, "规则代码不能使用动态常量", "rule code may not use dynamic constants");
			}
			constant = value instanceof Integer number ? number : null;
			text = value instanceof String string ? string : null;
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			typeUse(owner, method, type, scope, generated);
			if (opcode == Opcodes.ANEWARRAY) {
				array();
			}
			reset();
		}

		@Override
		public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
			memberUse(owner, fieldOwner, name, descriptor, scope, generated);
			reset();
		}

		@Override
		public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
			memberUse(owner, methodOwner, name, descriptor, scope, generated);
			if (text != null && methodOwner.equals(PARAMETERS) && descriptor.startsWith("(Ljava/lang/String;)")
					&& !name.equals("keyFor") && !parameters.contains(text)) {
				problem(owner, method, Pattern.quote("\"" + text + "\""), "读取的参数 " + text + " 不在 parameters.properties 中",
						"reads the parameter '" + text + "', which parameters.properties does not have");
			}
			reset();
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
			boolean concatenation = bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory");
			if (rule() && !concatenation) {
				problem(owner, method, "->", "规则代码不能创建 lambda 或方法引用", "rule code may not create lambdas or method references");
			}
			else if (!bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory") && !concatenation) {
				problem(owner, null, "不允许的动态调用 " + bootstrap.getOwner(), "a dynamic call through "
						+ javaName(bootstrap.getOwner()) + " is not allowed");
			}
			else {
				descriptorUse(owner, method, descriptor, scope, generated);
				for (Object argument : arguments) {
					if (argument instanceof Handle handle) {
						memberUse(owner, handle.getOwner(), handle.getName(), handle.getDesc(), scope, generated);
					}
				}
			}
			reset();
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			loop(label);
			reset();
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
			loop(dflt);
			for (Label label : labels) {
				loop(label);
			}
			reset();
		}

		@Override
		public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
			visitTableSwitchInsn(0, 0, dflt, labels);
		}

		@Override
		public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
			typeUse(owner, method, descriptor, scope, generated);
			if (rule()) {
				problem(owner, method, "new", "规则代码不能创建多维数组", "rule code may not create multi-dimensional arrays");
			}
			reset();
		}

		@Override
		public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
			if (rule()) {
				problem(owner, method, "try|catch|finally", "规则代码不能捕获异常（try/catch/finally）", "rule code may not catch exceptions (try/catch/finally)");
			}
		}

		@Override
		public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
				int index) {
			descriptorUse(owner, method, descriptor, scope, generated);
		}

		@Override
		public void visitVarInsn(int opcode, int var) {
			reset();
		}

		@Override
		public void visitIincInsn(int var, int increment) {
			reset();
		}

		private void loop(Label target) {
			if (rule() && seen.contains(target)) {
				problem(owner, method, "for|while|do", "规则代码不能循环（for、while、do）", "rule code may not loop (for, while, do)");
			}
		}

		private void array() {
			if (rule() && (constant == null || constant < 0 || constant > MAX_ARRAY)) {
				problem(owner, method, "new", "规则代码只能创建固定的小数组（最多 " + MAX_ARRAY + " 个元素）",
						"rule code may only create small arrays of a fixed size (at most " + MAX_ARRAY + " elements)");
			}
		}

	}

	/** Reads which rule each lambda class (and lambda method) of the generated rule definitions belongs to. */
	private final class RuleMap extends ClassVisitor {

		private String type;

		RuleMap() {
			super(Opcodes.ASM9);
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
					if (name.equals("rule") && owner.startsWith("org/drools/") && rule[0] == null && !strings.isEmpty()) {
						rule[0] = strings.get(strings.size() - 1);
					}
				}

				@Override
				public void visitFieldInsn(int opcode, String owner, String name, String desc) {
					if (LAMBDA_CLASS.matcher(owner).matches()) {
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

	private void typeUse(String owner, String method, String descriptorOrName, Scope scope, Set<String> generated) {
		String type = descriptorOrName == null ? null : internalName(descriptorOrName);
		if (type != null && !isGenerated(type, generated) && !RuleTypes.allowsType(type, scope)) {
			String java = javaName(type);
			problem(owner, method, simpleName(java), "不允许使用类型 " + java, "the type " + java + " is not allowed");
		}
	}

	private void descriptorUse(String owner, String method, String descriptor, Scope scope, Set<String> generated) {
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
				typeUse(owner, method, used.getDescriptor(), scope, generated);
			}
		}
	}

	private void memberUse(String owner, String memberOwner, String name, String descriptor, Scope scope,
			Set<String> generated) {
		if (isGenerated(memberOwner, generated)) {
			return;
		}
		if (!RuleTypes.allowsMember(memberOwner, name, descriptor, scope)) {
			String java = javaName(memberOwner) + "." + name;
			problem(owner, null, name.equals("<init>") ? simpleName(javaName(memberOwner)) : Pattern.quote(name),
					"不允许使用 " + java.replace(".<init>", " 的构造方法"),
					(name.equals("<init>") ? "the constructor of " + javaName(memberOwner) : java) + " is not allowed");
		}
	}

	private static boolean isGenerated(String type, Set<String> generated) {
		return generated.contains(internalName(type));
	}

	/** The internal name of a type given as a name or a descriptor; of an array, its element type's. */
	private static String internalName(String type) {
		if (type.startsWith("[") || type.startsWith("L") && type.endsWith(";")) {
			Type parsed = Type.getType(type);
			Type element = parsed.getSort() == Type.ARRAY ? parsed.getElementType() : parsed;
			return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
		}
		return type;
	}

	private void problem(String owner, String method, String zh, String en) {
		problem(owner, method, null, zh, en);
	}

	/**
	 * A problem, reported at the rule the class belongs to: the line of the first occurrence of {@code word} in
	 * that rule's text (a name or a keyword, a regular expression), else the rule's first line.
	 */
	private void problem(String owner, String method, String word, String zh, String en) {
		Set<String> rules = rulesByClass.get(method == null ? owner : owner + "." + method);
		if (rules == null) {
			rules = rulesByClass.get(owner);
		}
		if (rules == null && owner.indexOf('$') > 0) {
			// a class nested in a generated class (an anonymous class in a consequence): the rule of its outer class
			rules = rulesByClass.get(owner.substring(0, owner.indexOf('$')));
		}
		RuleLanguageCheck.RuleSpan span = rules == null ? null
				: rules.stream().map(spans::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
		String rule = span == null ? null : span.rule();
		String prefix = rule == null ? "" : "规则 " + rule + "：";
		String prefixEn = rule == null ? "" : "rule '" + rule + "': ";
		String message = prefix + zh + " / " + prefixEn + en + (zh.startsWith("不允许使用") ? allowed() : "");
		if (!problems.add((span == null ? "" : span.file()) + message)) {
			return;
		}
		String file = span == null ? spans.values().stream().map(RuleLanguageCheck.RuleSpan::file).findFirst().orElse("")
				: span.file();
		found.add(new RuleFileProblem(file, span == null ? 0 : line(span, word), 0, message));
	}

	private static String allowed() {
		return "（规则只能用事实类型、数字、String、Math、BigDecimal、RoundingMode 和只读的 List/Map/Set/Collection/Optional，见 README）"
				+ " (rules may use only the fact types, numbers, String, Math, BigDecimal, RoundingMode and reading "
				+ "List/Map/Set/Collection/Optional; see the README)";
	}

	private int line(RuleLanguageCheck.RuleSpan span, String word) {
		String text = texts.get(span.file());
		if (text == null || word == null || span.startCharacter() < 0) {
			return span.line();
		}
		int end = span.endCharacter() > span.startCharacter() ? Math.min(span.endCharacter() + 1, text.length())
				: text.length();
		String body = text.substring(Math.min(span.startCharacter(), text.length()), end);
		Matcher matcher = Pattern.compile("(?<![\\w$])(?:" + (word.equals("->") ? "->|::" : word) + ")(?![\\w$])")
			.matcher(body);
		if (!matcher.find()) {
			return span.line();
		}
		int line = span.line();
		for (int i = 0; i < matcher.start(); i++) {
			if (body.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String javaName(String internalName) {
		return internalName.replace('/', '.');
	}

	private static String simpleName(String javaName) {
		String simple = javaName.substring(javaName.lastIndexOf('.') + 1);
		return Pattern.quote(simple.substring(simple.lastIndexOf('$') + 1));
	}

}
