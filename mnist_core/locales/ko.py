"""한국어 (Korean): the same keys as en.py, written for a Korean classroom in 해요체.

Machine-learning terms are the ones Korean teachers use (손실, 정확도, 에포크, 배치 크기, 검증, 과적합,
혼동 행렬, 소프트맥스, 옵티마이저), with the English or Keras name in parentheses where a teacher expects
to see it. Placeholders in {braces} are the same as in en.py.
"""

MESSAGES: dict[str, str] = {
    # App, navigation and sidebar
    "app.title": "신경망은 어떻게 글씨를 읽게 될까요?",
    "nav.home": "홈",
    "nav.train": "학습",
    "nav.draw": "그리기",
    "nav.teacher": "선생님",
    "nav.mistakes": "오답",
    "sidebar.dataset": "데이터셋",
    "sidebar.dataset_help": "모든 페이지가 여기서 고른 데이터셋을 써요.",
    "sidebar.name": "이름",
    "sidebar.name_placeholder": "예: 민준",
    "sidebar.name_help": (
        "학습하고 내 실행을 찾으려면 이름을 한 번 입력하세요. 비밀번호는 없어요. 이름만 있으면 "
        "돼요(글자, 숫자, 빈칸, - 와 _)."
    ),
    "sidebar.name_same_student": "다른 기기에서 같은 이름을 쓰면 같은 학생이에요. 내 실행은 이름을 따라가요.",
    "sidebar.language": "언어 · Language",
    # Shared words
    "dataset.mnist": "손글씨 숫자 (MNIST)",
    "dataset.fashion_mnist": "패션 (Fashion-MNIST)",
    "dataset.mnist.short": "숫자",
    "dataset.fashion_mnist.short": "패션",
    "model.mlp": "완전 연결 (Dense, 튜토리얼 모델)",
    "model.cnn": "합성곱 신경망 (CNN)",
    "model.mlp.short": "Dense",
    "model.cnn.short": "CNN",
    "model.with_augmentation": "{model} + 증강",
    "classes.fashion_mnist.0": "티셔츠/탑",
    "classes.fashion_mnist.1": "바지",
    "classes.fashion_mnist.2": "풀오버",
    "classes.fashion_mnist.3": "드레스",
    "classes.fashion_mnist.4": "코트",
    "classes.fashion_mnist.5": "샌들",
    "classes.fashion_mnist.6": "셔츠",
    "classes.fashion_mnist.7": "스니커즈",
    "classes.fashion_mnist.8": "가방",
    "classes.fashion_mnist.9": "앵클 부츠",
    "common.right_mark": "✓",
    "common.wrong_mark": "✗",
    "common.data_missing": "이 서버에서는 {dataset} 데이터셋을 쓸 수 없어요.",
    "units.seconds": "{seconds:.1f}초",
    # Errors: what a person can do (the error's own message, with paths and commands, follows in English)
    "errors.details": "자세한 내용 (서버 관리자용, 영어):",
    "errors.data_not_found": (
        "이 서버에 아직 이미지 파일이 없어요. 서버를 관리하는 사람이 프로젝트 폴더에서 `{command}` 명령을 "
        "한 번 실행하면 내려받을 수 있어요."
    ),
    "errors.data_damaged": (
        "데이터 사본을 찾았지만 손상되었거나 일부가 빠져 있어요. 그 사본을 지우고 `{command}` 명령으로 새로 "
        "내려받으세요."
    ),
    "errors.data_unreadable": "데이터 파일을 읽을 수 없어요. 폴더의 접근 권한을 확인해 주세요.",
    "errors.model_unreadable": "저장된 모델 파일이 없거나 손상되었어요. 학습 페이지에서 새 모델을 학습시키세요.",
    "errors.not_saved": "서버의 디스크 공간과 학습 기록 폴더의 쓰기 권한을 확인한 뒤 다시 학습시키세요.",
    "errors.training_failed": "다시 시도해 보세요. 또 실패하면 아래 내용을 서버 관리자에게 보여 주세요.",
    "errors.page_unavailable": "지금은 이 페이지를 보여 줄 수 없습니다. 반 전체가 함께 쓰는 부분이 응답하지 않습니다.",
    "errors.bad_settings": "각 설정은 정해진 범위 안의 정수여야 해요.",
    # Charts
    "chart.epoch": "에포크",
    "chart.loss": "손실(loss)",
    "chart.accuracy": "정확도(accuracy)",
    "chart.value": "손실 / 정확도",
    "chart.train": "훈련",
    "chart.validation": "검증 (테스트 이미지)",
    "chart.batch_loss": "배치를 처리하는 동안의 손실",
    "chart.batch_loss_help": (
        "각 점은 그 에포크에서 지금까지의 평균 손실이에요. 그래서 새 에포크가 시작될 때마다 선이 조금 더 "
        "낮은 곳에서 다시 시작해요."
    ),
    "chart.curve.loss": "손실 (loss)",
    "chart.curve.val_loss": "검증 손실 (val_loss)",
    "chart.curve.accuracy": "정확도 (accuracy)",
    "chart.curve.val_accuracy": "검증 정확도 (val_accuracy)",
    "chart.four_curves_alt": "에포크마다 기록한 손실, 검증 손실, 정확도, 검증 정확도 그래프.",
    "chart.overlay_alt": "체크한 학습 기록의 에포크별 검증 정확도와 튜토리얼의 결과를 함께 그린 그래프.",
    "train.settings.images": "훈련 이미지 수",
    "train.settings.images_all": "전부 ({count}장)",
    "train.settings.images_help": (
        "앞쪽 이미지만으로 훈련해요. 이미지가 적을수록 빨리 끝나요. 아주 적으면 큰 네트워크는 이미지를 통째로 외워서 "
        "새 이미지를 더 못 읽어요(과대적합). 넓은 네트워크 프리셋 두 개는 1,000장을 써요."
    ),
    "chart.words.curve": "{metric}, 훈련: 1 에포크 후 {first}, {epochs} 에포크 후 {last}.",
    "chart.words.curve_empty": "{metric}: 아직 끝난 에포크가 없어요.",
    "chart.words.validation": "검증: 1 에포크 후 {first}, 마지막 에포크 후 {last}.",
    "chart.words.batch": "이동 평균 손실은 처음에 {first}였고 지금은 {last}예요 (에포크 {epochs}).",
    "chart.words.batch_empty": "아직 끝난 배치가 없어요.",
    "chart.words.probabilities": "가장 가능성이 높은 답은 {first}, 그다음은 {others}예요.",
    "chart.words.probabilities_empty": "아직 읽은 것이 없어요.",
    # Saved runs (Train, Draw and Mistakes pages)
    "runs.status.finished": "✓ 완료",
    "runs.status.diverged": "✗ 발산(손실이 폭발함)",
    "runs.status.stopped": "■ 중간에 멈춤",
    "runs.label": "{owner} · {dataset} · {model} · {epochs} 에포크 · 정확도 {accuracy} · {when} · {status}",
    "runs.short_label": "{dataset} · {model} · {epochs} 에포크 · {when}",
    "runs.epochs_of": "{done} / {asked}",
    "runs.reference": "튜토리얼, {dataset}, {epochs} 에포크: {accuracy}",
    "runs.source.tutorial": "튜토리얼",
    "runs.source.ours": "이 앱 ({when})",
    "runs.col.dataset": "데이터셋",
    "runs.col.model": "모델",
    "runs.col.epochs": "에포크",
    "runs.col.batch": "배치 크기",
    "runs.col.accuracy": "테스트 정확도",
    "runs.col.fit": "학습 시간",
    "runs.col.when": "학습한 시각",
    "runs.col.status": "상태",
    "runs.col.who": "누구",
    "runs.col.learning": "옵티마이저, 학습률",
    "runs.owner.teacher": "선생님 ★",
    "runs.owner.earlier": "이전 실행",
    "runs.owner.nobody": "(이름 없음)",
    "runs.pinned": "★ 수업 모델 · {label}",
    "runs.gone": "쓰던 실행이 이제 없어요(선생님이 지웠을 수 있어요). 지금은 이 실행을 써요: {run}.",
    "optimizer.adam": "Adam(튜토리얼과 같음)",
    "optimizer.sgd": "SGD(기본 경사 하강법)",
    "optimizer.momentum": "모멘텀을 더한 SGD",
    "optimizer.adam.short": "adam",
    "optimizer.sgd.short": "sgd",
    "optimizer.momentum.short": "momentum",
    "runs.col.source": "학습한 곳",
    # Students' names, the teacher's caps and the training line
    "name.empty": "먼저 이름을 입력하세요.",
    "name.too_long": "이름은 {most}자까지 쓸 수 있어요. 지금 이름은 {length}자예요.",
    "name.bad_characters": "이름에는 글자, 숫자, 빈칸, - 와 _ 만 쓸 수 있어요(쓸 수 없는 문자: {characters}).",
    "caps.epochs": "이 수업에서는 선생님이 학습 한 번에 {cap} 에포크까지 허용했어요. 요청한 에포크는 {asked}예요.",
    "caps.model": "이 수업에서는 선생님이 이 모델을 허용하지 않았어요({model}).",
    "caps.augment": "이 수업에서는 선생님이 변형한 사본으로 학습하기(데이터 증강)를 허용하지 않았어요.",
    "caps.images": "이 수업에서는 선생님이 학습 이미지를 {cap}장까지 허용했어요.",
    "line.one_each": (
        "이미 기다리거나 학습 중인 학습이 있어요(다른 탭이나 기기에서 시작했을 수도 있어요). "
        "학생마다 한 번에 하나씩만 학습할 수 있어요. 끝날 때까지 기다리거나 멈추세요."
    ),
    "line.full": "대기열이 꽉 찼어요(이미 {length}개의 학습이 기다리고 있어요). 몇 개가 시작된 뒤에 다시 해 보세요.",
    # Home page
    "teacher.title": "선생님",
    "teacher.intro": (
        "선생님 페이지예요. 학생 학습의 제한, 학습 대기열, 수업 모델과 실행을 다뤄요. 비밀번호를 입력해서 여세요."
    ),
    "teacher.no_password": (
        "이 서버에는 선생님 비밀번호가 없어서 이 페이지는 잠겨 있어요. 서버를 실행하는 사람이 시작할 때 정하세요. 예: "
        "`MNIST_APP_TEACHER_PASSWORD='비밀번호' bash scripts/start.sh`, 또는 `.streamlit/secrets.toml`에 "
        '`teacher_password = "..."`.'
    ),
    "teacher.password": "선생님 비밀번호",
    "teacher.unlock": "열기",
    "teacher.wrong": "비밀번호가 맞지 않아요.",
    "teacher.wait": "틀린 시도가 너무 많아요. {seconds}초 기다린 뒤 다시 해 보세요.",
    "teacher.lock": "이 페이지 잠그기",
    "teacher.unlocked": (
        "이 브라우저 탭에서 열렸어요. 선생님의 학습(학습 페이지)은 제한이 없고 선생님의 실행으로 표시돼요."
    ),
    "teacher.not_saved": "설정을 저장하지 못했어요.",
    "teacher.caps.title": "학생 학습 제한",
    "teacher.caps.help": "학생이 학습을 요청할 때 적용돼요. 이미 대기열에 있는 학습은 설정이 그대로예요.",
    "teacher.caps.epochs": "최대 에포크",
    "teacher.caps.images": "학습 이미지(0: 6만 장 전부)",
    "teacher.caps.images_help": "이미지가 적으면 에포크마다 더 빨라서 대기열이 빨리 줄어요.",
    "teacher.caps.models": "학생이 학습할 수 있는 모델",
    "teacher.caps.augment": "데이터 증강 허용",
    "teacher.caps.save": "제한 저장",
    "teacher.caps.saved": "제한을 저장했어요. 다음에 학생이 요청하는 학습부터 적용돼요.",
    "teacher.line.title": "학습 대기열",
    "teacher.line.empty": "학습 중이거나 기다리는 학습이 없어요.",
    "teacher.line.stop": "멈추기",
    "teacher.line.remove": "대기열에서 빼기",
    "teacher.line.what": "{dataset}, {model}, {epochs} 에포크, {learning}",
    "teacher.class_model.title": "수업 모델",
    "teacher.class_model.none": "고정한 모델이 없어요. 그리기 페이지는 손글씨를 가장 잘 읽는 숫자 실행에서 시작해요.",
    "teacher.class_model.choose": "수업 모델로 고정할 실행",
    "teacher.class_model.pin": "모두에게 고정",
    "teacher.class_model.pinned": "고정했어요. 이제 모두의 그리기와 틀린 답 페이지가 이 모델에서 시작해요.",
    "teacher.class_model.unpin": "고정 풀기",
    "teacher.class_model.unpinned": "고정을 풀었어요.",
    "teacher.runs.title": "저장된 모든 실행",
    "teacher.runs.choose": "지울 실행",
    "teacher.runs.delete": "지우기…",
    "teacher.runs.confirm": "이 실행을 완전히 지울까요? {run}",
    "teacher.runs.delete_for_good": "네, 지울게요",
    "teacher.runs.keep": "아니요, 둘게요",
    "teacher.runs.deleted": "지웠어요. 이 실행으로 그리던 학생은 수업 모델로 옮겨져요.",
    "teacher.runs.not_deleted": "실행을 지우지 못했어요.",
    "home.title": "신경망은 어떻게 글씨를 읽게 될까요?",
    "home.intro": (
        "컴퓨터에게 그림은 숫자가 가득 찬 격자예요. 이 앱에서는 작은 신경망이 예시 60,000개를 보면서, 어떤 "
        "격자가 어떤 숫자인지(또는 어떤 옷인지) 배워요.\n\n"
        "- **학습**: 얼마나 오래 배울지 정하고, 에포크마다 실력이 느는 모습을 지켜봐요.\n"
        "- **그리기**: 숫자를 직접 그려서 신경망이 무엇으로 읽는지, 실제로 무엇을 보는지 확인해요.\n"
        "- **오답**: 신경망이 틀린 테스트 이미지를 살펴봐요. 여러분이라면 맞혔을까요?"
    ),
    "home.data.title": "데이터: {dataset}",
    "home.data.train": "훈련 이미지",
    "home.data.test": "테스트 이미지",
    "home.data.size": "이미지 크기",
    "home.data.size_value": "{height} × {width} 픽셀",
    "home.data.classes": "클래스 수",
    "home.data.scaling": (
        "각 픽셀은 0(검은색)부터 255(흰색)까지의 숫자예요. 학습하기 전에 모든 값을 255로 나누기 때문에 "
        "신경망은 0부터 1까지의 값을 보게 돼요."
    ),
    "home.samples.title": "무작위로 고른 훈련 이미지 20장",
    "home.samples.new": "다른 이미지 보기",
    "home.samples.fashion_classes": "열 가지 클래스: {names}.",
    "home.model.title": "모델",
    "home.model.intro": (
        "28 × 28 픽셀을 784개 숫자가 한 줄로 늘어서도록 펼치고, 유닛 {hidden}개짜리 은닉층이 이 숫자들을 "
        "조합해요. 출력층은 클래스마다 하나씩, 모두 더하면 1이 되는 확률 열 개를 내놓아요."
    ),
    "home.model.layer": "층 (layer)",
    "home.model.kind": "종류",
    "home.model.output_shape": "출력 모양",
    "home.model.parameters": "파라미터 수",
    "home.model.layer.flatten": "flatten (펼치기)",
    "home.model.layer.hidden": "hidden (은닉층)",
    "home.model.layer.output": "output (출력층)",
    "home.model.total": "전체 파라미터: **{total}**개. 학습은 이 값들을 하나도 빠짐없이 조정해요.",
    "home.ready.title": "숫자 모델이 준비되었나요?",
    "home.ready.yes": "네. {epochs} 에포크 동안 학습한 모델({when})이 테스트 숫자의 {accuracy}를 맞혀요.",
    "home.ready.no": (
        "아직이에요. 학습 페이지에서 모델을 학습시키거나(튜토리얼처럼 10 에포크면 1분 30초쯤 걸려요), "
        "그리기 페이지에서 빠른 학습을 시작하세요."
    ),
    "home.ready.other_model": (
        "지금도 숫자 그림을 읽을 수 있는 모델이 있어요({model}, {epochs} 에포크). 그림을 읽으려고 만든 모델, 곧 "
        "변형한 사본으로 학습한 작은 CNN이 손글씨를 더 잘 읽어요. `bash scripts/start.sh`가 한 번 학습해 둬요."
    ),
    "home.ready.go_draw": "숫자 그리러 가기",
    "home.ready.go_train": "학습 페이지로 가기",
    "home.ready.other": "최근 {dataset} 모델: {epochs} 에포크, 테스트 이미지 정확도 {accuracy}.",
    "learn.data.title": "MNIST와 Fashion-MNIST는 어떤 데이터인가요?",
    "learn.data.body": (
        "**MNIST**(Modified National Institute of Standards and Technology)는 0부터 9까지 손으로 쓴 숫자 "
        "70,000개를 모은 데이터셋이에요. 미국 고등학생들과 인구조사국 직원들이 쓴 숫자를 스캔해서 만들었어요. "
        "한 장 한 장이 28 × 28 크기의 회색조 그림이고, 어떤 숫자인지 알려 주는 **레이블**(정답)이 붙어 "
        "있어요. 60,000장은 학습에 쓰고 10,000장은 시험용으로 따로 떼어 둬요. 그래야 신경망이 한 번도 보지 "
        "못한 그림에서도 잘하는지 확인할 수 있어요.\n\n"
        "**Fashion-MNIST**는 형식이 MNIST와 똑같아요(28 × 28 회색조 그림 70,000장, 10개 클래스, 훈련 "
        "60,000장과 테스트 10,000장). 다만 숫자 대신 온라인 쇼핑몰 잘란도(Zalando)의 옷, 신발, 가방 사진이 "
        "들어 있어요. 레이블도 "
        "0~9의 숫자이고, 숫자마다 티셔츠나 바지 같은 품목 하나를 뜻해요. 숫자보다 어려운 문제를 내려고 "
        "만들었어요. 셔츠와 코트는 1과 0보다 훨씬 헷갈리거든요."
    ),
    "learn.scaling.title": "왜 모든 픽셀 값을 255로 나눌까요?",
    "learn.scaling.body": (
        "픽셀 값은 0(잉크 없음)부터 255(가장 진한 잉크)까지의 정수로 저장돼요. 가장 큰 값인 255로 나누면 "
        "그림은 조금도 바뀌지 않은 채 모든 값이 0과 1 사이로 들어와요. 255는 1.0이, 128은 약 0.5가 돼요.\n\n"
        "신경망은 입력에 작은 무작위 가중치를 곱해서 더하는 것부터 시작해요. 입력이 255처럼 크면 이 합이 "
        "처음부터 지나치게 커서, 마지막 소프트맥스가 극단적인 값을 내고 처음 몇 번의 수정이 너무 멀리 "
        "튀어요. 입력이 작고 크기가 고르면 합도 적당해서 학습이 더 안정적이고 빨라요. 다른 머신러닝 "
        "방법에서 특성(feature)의 크기를 맞춰 주는 스케일링과 같은 생각이에요."
    ),
    # Train page
    "train.title": "신경망 학습시키기",
    "train.intro": (
        "학습하는 동안 신경망은 훈련 이미지를 **배치**(batch) 단위로 나누어 보고, 그것을 여러 번 되풀이해요. "
        "전체를 한 바퀴 보는 것이 **에포크**(epoch)예요. 배치 하나를 볼 때마다 실수가 줄어드는 쪽으로 "
        "파라미터를 조금씩 고쳐요. 다른 페이지로 가도 학습은 계속돼요."
    ),
    "train.settings.title": "설정",
    "train.settings.dataset": "데이터셋: **{dataset}** (사이드바에서 바꿀 수 있어요).",
    "train.settings.epochs": "에포크 수",
    "train.settings.epochs_help": "신경망이 훈련 이미지 전체를 몇 번 볼지 정해요. 튜토리얼은 10이에요.",
    "train.settings.batch": "배치 크기",
    "train.settings.batch_help": "한 번 고치기 전에 몇 장의 이미지를 볼지 정해요. 튜토리얼은 100이에요.",
    "train.settings.hidden": "은닉 유닛 수",
    "train.settings.hidden_help": "은닉층의 크기예요. 튜토리얼은 1000이에요.",
    "train.settings.model": "모델",
    "train.settings.model_help": (
        "완전 연결 신경망은 튜토리얼의 모델이에요. 합성곱 신경망은 이미지의 작은 조각들을 먼저 살펴봐요"
        "(은닉층 유닛은 최대 128개)."
    ),
    "train.settings.augment": "데이터 증강(augmentation)",
    "train.settings.optimizer": "옵티마이저",
    "train.settings.optimizer_help": (
        "작은 수정을 어떻게 할지 정해요. 튜토리얼은 Adam을 써요. SGD는 기울기를 따라 그대로 "
        "내려가고, 모멘텀은 앞선 걸음의 속도를 더해요."
    ),
    "train.settings.learning_rate": "학습률",
    "train.settings.learning_rate_help": (
        "한 번에 얼마나 크게 고칠지 정해요. 튜토리얼의 Adam은 0.001을 써요. 너무 작으면 모델이 "
        "기어가듯 느리고, 너무 크면 폭발해요."
    ),
    "train.rate.crawl": "이 학습률이면 모델이 기어가듯 느려요. 수정이 아주 작아서 손실이 거의 줄지 않아요.",
    "train.rate.too_high": "이 학습률이면 모델이 폭발할 수 있어요. 손실이 엄청나게 커지면 학습이 스스로 멈춰요.",
    "train.name_first": "먼저 사이드바에 이름을 입력하세요. 학습마다 주인이 있어야 해요.",
    "caps.text": "이 수업의 제한(선생님이 정함): {caps}.",
    "caps.text.epochs": "최대 {epochs} 에포크",
    "caps.text.models": "모델: {models}",
    "caps.text.augment_yes": "데이터 증강 가능",
    "caps.text.augment_no": "데이터 증강 불가",
    "caps.text.images": "학습 이미지 {images}장",
    "train.settings.augment_help": (
        "에포크마다 훈련 이미지를 조금씩 돌리고, 키우거나 줄이고, 옮기고, 획을 굵거나 가늘게 바꿔서 보여 줘요. "
        "학습은 더 오래 걸리지만 사람이 직접 그린 숫자를 더 잘 읽어요."
    ),
    "train.start": "학습 시작",
    "train.start_busy": "학습이 아직 진행 중이에요. 먼저 멈추거나 끝날 때까지 기다려 주세요.",
    "train.stop": "멈추기",
    "train.stop_help": "지금 처리하는 배치들이 끝나면 멈춰요. 그때까지 배운 것은 학습 기록으로 남아요.",
    "train.stopping": "멈추는 중…",
    "train.leave_queue": "대기열에서 나가기",
    "train.bad_settings": "이 설정으로는 학습할 수 없어요.",
    "train.progress.title": "내 학습 ({dataset})",
    "train.queued_wait": "대기 중이에요. {position}번째 차례예요. 약 {time} 뒤에 저절로 시작해요.",
    "train.queued": "서버에 자리가 나기를 기다리는 중이에요. 대기 순서: {position}번째. 차례가 되면 저절로 시작해요.",
    "train.requeued": (
        "이 학습을 하던 컴퓨터가 응답하지 않아서 다른 컴퓨터에서 처음부터 다시 시작해요 ({attempt}번째 시도). "
        "지금까지 보인 진행은 사라져요."
    ),
    "train.interrupted": "학습하는 동안 학습 대기열이 다시 시작되어 저장되지 않았어요. 다시 시작해 주세요.",
    "train.getting_ready": "준비하는 중이에요. 이미지를 불러오고 신경망을 만들고 있어요…",
    "train.epoch_of": "에포크 {epoch} / {epochs}",
    "train.elapsed": "{time} 지남",
    "train.left": "약 {time} 남음",
    "train.left_unknown": "남은 시간을 계산하는 중",
    "train.first_epoch": "첫 번째 에포크를 학습하는 중이에요. 에포크가 끝나면 결과가 여기에 나타나요.",
    "train.done.finished": "✓ 완료: {epochs} 에포크.",
    "train.done.diverged": "✗ {epochs} 에포크 뒤 스스로 멈췄어요. 손실이 폭발했어요. 발산한 실행으로 저장했어요.",
    "train.diverged_why": (
        "**이유:** 학습률({rate})이 너무 커요. 고칠 때마다 너무 멀리 지나쳐서 가중치가 끝없이 "
        "커지고, 손실은 더 이상 쓸모 있는 숫자가 아니게 돼요. "
        "학습률을 10배나 100배 줄여 보세요."
    ),
    "train.by_teacher.stopped": "■ 선생님이 {epochs} 에포크 뒤에 이 학습을 멈췄어요. 지금까지의 모델은 저장했어요.",
    "train.by_teacher.cancelled": "선생님이 이 학습을 시작하기 전에 대기열에서 뺐어요.",
    "train.optimizer_restarted": (
        "저장된 모델에 옵티마이저 상태가 없어서 옵티마이저를 새로 시작했어요. Adam의 이동 평균이 "
        "0부터 다시 시작해서 처음 몇 배치 동안 손실이 튈 수 있어요."
    ),
    "train.done.stopped": "■ {epochs} 에포크 뒤에 멈췄어요. 지금까지 학습한 모델은 저장했어요.",
    "train.failed": "✗ 학습 실패: {error}",
    "train.failed_title": "✗ 학습에 실패했어요.",
    "train.not_saved": "모델 학습은 끝났지만 저장하지 못했어요.",
    "train.cancelled": "학습이 시작되기 전에 대기열에서 나갔어요.",
    "train.result.test_loss": "테스트 손실",
    "train.result.test_accuracy": "테스트 정확도",
    "train.result.fit_time": "학습 시간",
    "train.result.tutorial": "튜토리얼, {epochs} 에포크",
    "train.runs.title": "저장된 학습 기록",
    "train.runs.none": "아직 저장된 학습 기록이 없어요. 위에서 학습을 시작해 보세요.",
    "train.runs.tick": "비교하고 싶은 기록을 표에서 체크하세요.",
    "train.runs.overlay": "에포크별 검증 정확도",
    "train.runs.compare": "테스트 정확도: 튜토리얼과 이 앱",
    "train.runs.whole_class": "반 전체의 실행 보기",
    "train.continue.title": "이 실행을 이어서 학습하기",
    "train.continue.epochs": "추가 에포크",
    "train.continue.start": "{epochs} 에포크 더 학습하기({done} 에포크 다음부터)",
    "train.continue.help": (
        "이 실행의 가중치와 옵티마이저에서 시작하는 새 실행이에요. 곡선은 이 실행의 마지막 에포크에서 이어져요."
    ),
    "train.runs.compare_note": "결과는 학습할 때마다 조금씩 달라요. 매번 무작위 가중치에서 출발하기 때문이에요.",
    "learn.layers.title": "층(layer)과 소프트맥스",
    "learn.layers.body": (
        "튜토리얼의 신경망은 층이 세 개예요.\n\n"
        "1. **Flatten**: 28 × 28 그림을 숫자 784개가 한 줄로 늘어선 모양으로 펼쳐요. 배우는 것은 없고 "
        "모양만 바꿔요.\n"
        "2. **Dense, 유닛 1000개, ReLU**: 유닛마다 784개 픽셀에 자기만의 가중치를 곱해 모두 더하고 "
        "편향(bias)을 더해요. 결과가 양수면 그대로 넘기고 음수면 0으로 바꿔요(이것이 ReLU예요). 가중치 "
        "784,000개와 편향 1,000개가 있어요.\n"
        "3. **Dense, 유닛 10개, 소프트맥스(softmax)**: 클래스마다 점수를 하나씩 내요. **소프트맥스**는 이 "
        "열 개의 점수를 확률로 바꿔요. 확률은 하나하나가 0과 1 사이이고, 열 개를 모두 더하면 1이며, 점수가 "
        "높을수록 확률도 높아요. 확률이 가장 높은 클래스가 신경망의 답이에요."
    ),
    "learn.loss.title": "손실 함수: sparse categorical cross-entropy",
    "learn.loss.body": (
        "**손실(loss)**은 신경망이 얼마나 틀렸는지를 숫자 하나로 나타낸 값이에요. 교차 엔트로피"
        "(cross-entropy)는 *정답* 클래스에 준 확률만 보고, 그 확률의 로그에 마이너스를 붙여요. 정답에 0.9를 "
        "주면 손실이 약 0.11, 0.5면 0.69, 0.01이면 4.6이에요. 확신하면서 틀리면 손실이 아주 커져요.\n\n"
        "**sparse**(희소)는 레이블을 7처럼 클래스 번호 그대로 둔다는 뜻이에요. sparse가 붙지 않은 쪽은 "
        "레이블을 1이 딱 하나만 있는 숫자 열 개로 바꿔서 줘야 해요(원-핫 인코딩: 0,0,0,0,0,0,0,1,0,0). 두 "
        "방법의 손실 값은 똑같아요. sparse 쪽이 그 변환을 생략하게 해 줄 뿐이에요.\n\n"
        "함께 보여 주는 평가 지표인 **정확도(accuracy)**는 더 간단해요. 가장 높은 확률이 정답 클래스에 간 "
        "이미지의 비율이에요."
    ),
    "learn.optimizer.title": "옵티마이저(optimizer): adam",
    "learn.optimizer.body": (
        "배치 하나를 보고 나면 신경망은 파라미터 하나하나에 대해, 어느 쪽으로 조금 바꾸면 손실이 줄어드는지 "
        "계산해요. 이것을 **기울기**(gradient)라고 해요. 얼마나 멀리 움직일지는 **옵티마이저**가 정해요. "
        "기본적인 경사 하강법은 모든 파라미터를 같은 보폭으로 움직여요. **Adam**은 파라미터마다 최근 기울기의 "
        "평균을 기억해 두고 보폭을 조절해요. 기울기가 꾸준히 같은 쪽을 가리키면 성큼성큼, 이리저리 흔들리면 "
        "조심조심 움직여요. 따로 조정하지 않아도 잘 동작해서 튜토리얼도 adam을 써요."
    ),
    "learn.learning_rate.title": "학습률: 기어가거나, 배우거나, 폭발하거나",
    "learn.learning_rate.body": (
        "매 배치마다 옵티마이저는 각 가중치를 기울기의 반대 방향으로 조금 옮겨요. **학습률은 그 "
        "걸음의 크기예요.**\n\n학습률만 다른 세 실행을 나란히 놓아 보세요. "
        "기본 SGD로, 숫자 6,000장에 2 에포크씩 학습했어요(여기서 잰 값):\n\n| 학습률 | 일어나는 일 | "
        "테스트 정확도 |\n|---|---|---|\n| 1.0"
        " | 큰 걸음: 바로 배워요 | 약 92% |\n| 0.001 | 작은 걸음: 기어가듯 느려요 | 약 23% |\n| "
        "0.000001 | 전혀 움직이지 않아요 | 약"
        " 9%(찍기 수준) |\n\n10이면 걸음이 너무 멀리 지나쳐서 손실이 폭발해요. 학습은 스스로 멈추고 "
        "*발산*으로 저장돼요. Adam은 가중치마다 걸음을 맞추기 "
        "때문에 튜토리얼의 0.001이 잘 맞아요. 하나씩 학습시킨 뒤 아래 표에서 실행들을 체크해서 곡선을 함께 보세요."
    ),
    "learn.learning_rate.start": "SGD 실행 세 개를 대기열에 넣기(1.0, 0.001, 0.000001)",
    "learn.batches.title": "에포크와 배치 크기",
    "learn.batches.body": (
        "**에포크**(epoch)는 훈련 이미지 60,000장을 처음부터 끝까지 한 번 보는 것이에요. **배치 크기**"
        "(batch size)는 스스로를 한 번 고치기 전에 보는 이미지 수예요. 튜토리얼처럼 100으로 하면 에포크 "
        "하나에 600번 고쳐요.\n\n"
        "- **전체 배치**(full batch, 배치 크기 60,000, 경사 하강법 GD): 모든 이미지를 본 뒤 에포크마다 한 "
        "번만 고쳐요. 고치는 방향은 정확하지만 횟수가 아주 적어요.\n"
        "- **미니 배치**(mini-batch, 예: 100, 확률적 경사 하강법 SGD): 적은 이미지를 보고 자주 고쳐요. 한 번 "
        "한 번은 조금 부정확해도, 모이면 훨씬 빨리 나아져요.\n\n"
        "직접 해 보세요. 배치 크기 100으로 1 에포크, 60,000으로 1 에포크를 학습하고 정확도를 비교해 봐요."
    ),
    "learn.curves.title": "학습 곡선 읽는 법",
    "learn.curves.body": (
        "에포크가 끝날 때마다 신경망은 두 번 채점을 받아요. 한 번은 배우는 데 쓰는 훈련 이미지로(**loss**, "
        "**accuracy**), 또 한 번은 배우는 데 쓰지 않는 테스트 이미지 10,000장으로(**val_loss**, "
        "**val_accuracy**) 채점해요. 검증용 비율을 정하지 않으면, 튜토리얼처럼 이 앱도 테스트 이미지를 "
        "검증(validation)에 써요.\n\n"
        "- 손실은 내려가고 정확도는 올라가요: 잘 배우고 있어요.\n"
        "- 훈련 곡선과 검증 곡선이 가까워요: 배운 것이 새 그림에도 통해요.\n"
        "- 훈련 성적은 계속 좋아지는데 검증 성적은 제자리예요: 새 그림에 대해서는 배울 만큼 배웠어요. "
        "에포크를 늘리면 주로 훈련 이미지를 외우게 돼요."
    ),
    "learn.overfitting.title": "과적합(overfitting): val_loss가 올라갈 때",
    "learn.overfitting.body": (
        "**과적합**은 신경망이 훈련 이미지에 점점 더 꼭 맞춰져서 그 이미지들의 우연한 특징까지 외우는 "
        "동안, 새 이미지에서는 나아지지 않거나 오히려 나빠지는 현상이에요. 가장 분명한 신호는 **loss는 계속 "
        "내려가는데 val_loss가 올라가는 것**이에요.\n\n"
        "튜토리얼에서도 이런 일이 있었어요. 10 에포크 뒤의 테스트 손실은 0.0741(정확도 0.9804)이었어요. "
        "200 에포크 뒤에는 정확도가 0.9855로 조금 올랐지만, 테스트 손실은 0.1486으로 두 배가 되었고 학습에 "
        "9분 넘게 걸렸어요. 정확도는 1등 답이 맞았는지만 보지만, 손실은 얼마나 확신했는지도 따져요. 200 "
        "에포크쯤 되면 신경망은 틀린 답까지 모든 답을 지나치게 확신하고, 그 틀린 확신이 손실을 크게 키워요.\n\n"
        "직접 확인하려면 50 에포크 이상 학습하고 val_loss 곡선을 지켜보세요."
    ),
    # Draw page
    "draw.title": "숫자 그리기",
    "draw.intro": "검은 정사각형 한가운데에 숫자 하나를 크게 그려 보세요. 한 획을 그을 때마다 신경망이 읽어요.",
    "draw.fashion_note": (
        "그리기는 숫자 전용이에요. 패션 데이터셋은 옷 사진이라 직접 그리기 어렵거든요. 이 페이지에서는 숫자 "
        "모델을 써요."
    ),
    "draw.switch_to_digits": "앱을 숫자 데이터셋으로 바꾸기",
    "draw.no_model": "아직 숫자 모델이 없어서 그림을 읽을 수 없어요.",
    "draw.quick_train": "빠른 숫자 모델 학습하기 ({epochs} 에포크)",
    "draw.quick_train_help": "1~2분 걸려요. 끝나면 이 서버를 쓰는 모든 사람이 이 모델을 쓸 수 있어요.",
    "draw.go_train": "또는 내 설정으로 학습하기",
    "draw.model_help": (
        "그림 읽기에 가장 좋은 숫자 실행으로 시작해요. 데이터 증강으로 학습한 실행이 있으면 그것을, "
        "그다음에는 테스트 정확도가 가장 높은 실행을 골라요. 비교하려면 다른 실행을 골라 보세요."
    ),
    "draw.model": "모델",
    "draw.clear": "지우기",
    "draw.loading_model": "모델을 불러오는 중…",
    "draw.model_unreadable": "이 모델은 쓸 수 없어요.",
    "draw.unreadable": "이 그림은 읽을 수 없어요. 지우기를 누르고 다시 그려 보세요.",
    "inside.show": "신경망 안을 들여다보기",
    "inside.show_help": (
        "이 그림을 각 층이 어떻게 보는지 보여 줘요. 반응하는 은닉 유닛, 또는 합성곱 필터와 특성 "
        "맵이에요. 획을 그을 때마다 바뀌어요."
    ),
    "draw.blank": "아직 아무것도 그리지 않았어요. 검은 정사각형에 숫자를 그려 보세요.",
    "draw.too_small": "너무 작아요. 정사각형을 거의 채울 만큼 크게 그려 보세요.",
    "draw.too_full": "정사각형이 거의 다 하얘요. 지우기를 누르고, 칠하지 말고 선으로 숫자 하나만 그려 보세요.",
    "draw.prediction": "신경망이 읽은 숫자",
    "draw.confidence": "확신도 {confidence}",
    "draw.no_answer": "아직 답이 없어요",
    "draw.chart.class": "숫자",
    "draw.chart.probability": "확률",
    "draw.sees.title": "모델이 보는 그림",
    "draw.sees.help": (
        "그림은 MNIST 숫자와 똑같은 과정을 거쳐요. 잉크가 있는 부분만 잘라 내고, 긴 쪽이 20픽셀이 되도록 "
        "줄이고, 28 × 28 정사각형 안에 넣은 다음, 무게중심이 한가운데 오도록 옮겨요."
    ),
    "draw.sees.help_test_image": (
        "테스트 이미지는 이미 MNIST 숫자와 똑같이 준비되어 있어요. 숫자가 28 × 28 정사각형의 한가운데 있어서 "
        "모델은 그대로 읽어요. 캔버스에 그려 보면 그림이 거치는 과정을 볼 수 있어요."
    ),
    "draw.sees.input": "모델의 입력: 28 × 28",
    "draw.step.ink": "1. 내가 그린 그림",
    "draw.step.cropped": "2. 잉크 부분만 자르기",
    "draw.step.scaled": "3. 긴 쪽을 20픽셀로 ({height} × {width})",
    "draw.step.padded": "4. 28 × 28 안에 넣기",
    "draw.step.centred": "5. 무게중심을 가운데로 옮기기",
    "learn.prepare.title": "왜 그림을 잘라 내고 가운데로 옮길까요?",
    "learn.prepare.body": (
        "MNIST 숫자는 모두 같은 방법으로 다듬어졌어요. 스캔한 숫자를 모양은 그대로 둔 채 긴 쪽이 20픽셀 "
        "안에 들어가도록 줄였고(그래서 가장자리가 부드러운 회색이에요), 28 × 28 정사각형에 넣은 뒤, 잉크의 "
        "무게중심이 한가운데 오도록 옮겼어요. 그래서 훈련용 숫자는 크기와 위치가 거의 같고, 둘레에 4픽셀쯤 "
        "여백이 있어요.\n\n"
        "완전 연결 신경망은 '같은 모양이 다른 자리에 있다'는 것을 알아채지 못해요. 784개의 입력 하나하나가 "
        "정해진 픽셀 자리 하나이기 때문이에요. 숫자를 작게 그리거나 구석에 그리면 훈련 때 거의 늘 비어 있던 "
        "픽셀에 잉크가 생기고, 신경망은 엉뚱하게 읽어요. 그림을 MNIST와 똑같이 다듬으면 신경망이 배운 것과 "
        "같은 종류의 그림을 보여 줄 수 있어요."
    ),
    # Mistakes page
    "mistakes.title": "신경망이 틀린 문제",
    "mistakes.intro": (
        "신경망은 가장 높은 확률을 준 클래스를 답으로 내요. 여기 있는 것은 그 답이 레이블(정답)과 달랐던 "
        "테스트 이미지예요."
    ),
    "mistakes.no_runs": "아직 학습된 {dataset} 모델이 없어서 보여 줄 오답이 없어요.",
    "mistakes.go_train": "모델 학습하기",
    "mistakes.run": "모델",
    "mistakes.computing": "이 모델로 테스트 이미지를 모두 읽는 중이에요(모델마다 한 번만 해요)…",
    "mistakes.cannot_read": "이 모델의 오답을 보여 줄 수 없어요.",
    "mistakes.headline": "테스트 이미지 {total:,}장 중 {wrong:,}장 틀림 (정확도 {right})",
    "mistakes.filter.true": "레이블 (정답)",
    "mistakes.filter.predicted": "예측 (신경망의 답)",
    "mistakes.any": "전체",
    "mistakes.shuffle": "다시 섞기",
    "mistakes.showing": "오답 {matching:,}개 중 {shown}개를 보여 줘요.",
    "mistakes.showing_filtered": "오답 {matching:,}개 중 {shown}개를 보여 줘요 (레이블: {label}, 예측: {predict}).",
    "mistakes.none_match": "이런 오답은 없어요.",
    "mistakes.caption": "{mark} 레이블: {label} · 예측: {predict} · {confidence}",
    "mistakes.matrix.title": "혼동 행렬 (confusion matrix)",
    "mistakes.matrix.help": (
        "행: 레이블(정답). 열: 신경망의 답. ✓ 표시는 맞힌 개수이고, 나머지 숫자는 모두 틀린 개수예요. 칸을 "
        "고르면 그 이미지들을 볼 수 있어요."
    ),
    "mistakes.matrix.axes": "레이블 ↓ · 답 →",
    "learn.argmax.title": "답을 고르는 방법: axis 1 방향의 argmax",
    "learn.argmax.body": (
        "테스트 이미지 10,000장을 넣으면 신경망은 확률 표를 돌려줘요. 행은 10,000개(이미지마다 하나), 열은 "
        "10개(클래스마다 하나)예요. `np.argmax(predictions, axis=1)`은 **행**을 하나씩 가로로 훑어서 가장 큰 "
        "값이 있는 열 번호를 알려 줘요. 신경망이 그 이미지에 대해 가장 그럴듯하다고 본 클래스예요. 7번 열이 "
        "0.90이고 나머지는 작은 행이라면 답은 7이에요.\n\n"
        "`axis=0`으로 하면 반대로 **열**을 세로로 훑어서, 클래스마다 어느 이미지가 가장 높은 점수를 받았는지 "
        "알려 줘요. 전혀 다른 질문이에요. 이렇게 얻은 답 10,000개를 레이블과 비교하면 이 페이지의 오답이 "
        "나와요."
    ),
    "learn.ambiguous.title": "사람이 봐도 헷갈리는 이미지가 있는 이유",
    "learn.ambiguous.body": (
        "신경망을 탓하기 전에 오답 몇 개를 직접 보세요. 급하게 쓴 숫자가 꽤 많아요. 위쪽이 닫힌 4는 9처럼, "
        "가로줄이 없는 7은 1처럼 보이고, 3과 5는 한 획 차이예요. 레이블이 틀렸다고 볼 만한 것도 몇 개 "
        "있어요. 28 × 28 회색 픽셀로 된 옷은 더 어려워요. 셔츠, 티셔츠, 풀오버, 코트는 윤곽이 거의 같을 때가 "
        "있어요.\n\n"
        "튜토리얼의 신경망은 숫자 10,000개 중 196개(정확도 98.04%), 옷 10,000개 중 1,104개(정확도 88.96%)를 "
        "틀렸어요. 학생들에게 물어보세요. 여러분이라면 이 중 몇 개를 맞혔을까요?"
    ),
    "learn.matrix.title": "혼동 행렬 읽는 법",
    "learn.matrix.body": (
        "**행**은 실제 레이블이고 **열**은 신경망이 낸 답이에요. 둘이 만나는 칸의 숫자는 그 레이블인데 그 "
        "답을 받은 테스트 이미지의 개수예요. ✓ 표시가 있는 대각선은 맞힌 개수이고, 나머지 숫자는 저마다 "
        "한 종류의 실수예요. 대각선 밖의 큰 숫자를 찾아보세요. 4행 9열은 4를 9로 읽은 개수예요. 한 행을 "
        "모두 더하면 그 레이블의 테스트 이미지 수(약 1,000개)가 돼요. 칸을 고르면 아래에서 그 이미지들을 볼 "
        "수 있어요."
    ),
    # Exports: a run as a notebook, its downloads, and a link that sets the Train page
    "notebook.title": "# {dataset}: 학습 기록 `{run_id}` 노트북",
    "notebook.intro": (
        "이 노트북은 수업 앱의 학습 기록 `{run_id}`의 학습을 튜토리얼 순서대로 한 단계씩 다시 해 봐요. "
        "모델: {model}, 에포크: {epochs}, 배치 크기: {batch}, 옵티마이저: {optimizer}, 학습률: {learning_rate}."
    ),
    "notebook.result": (
        "그 학습은 {seconds}초 동안 학습해서 **테스트 정확도 {accuracy}**(테스트 손실 {loss})에 이르렀어요."
    ),
    "notebook.result_stopped": (
        "그 학습은 {asked} 에포크 중 {done} 에포크에서 멈췄어요. 그래서 이 노트북도 {done} 에포크만 학습해요."
    ),
    "notebook.result_continued": (
        "그 학습은 학습 기록 `{parent}`에 이어서 학습했어요. 이 노트북은 새 모델 하나를 {epochs} 에포크 동안 "
        "한 번에 학습해요."
    ),
    "notebook.needs": (
        "TensorFlow(Keras 포함), NumPy, matplotlib만 있으면 돼요. 정확도는 그 학습과 비슷하게 나오지만 끝자리까지 "
        "똑같지는 않아요. 앱은 더 빠른 자기만의 방식으로 이미지를 Keras에 넘겨서, 시드가 같아도 무작위로 "
        "고르는 결과가 달라지거든요."
    ),
    "notebook.settings": (
        "## 설정\n"
        "그 학습의 설정을 한곳에 모았어요. 빨리 한번 돌려 보려면 `TRAIN_IMAGES`를 줄이세요(이미지가 적을수록 "
        "학습이 빨라요). 노트북이 데이터 파일을 찾지 못하면, 파일이 있는 폴더를 `DATA_DIR`에 적어 주세요."
    ),
    "notebook.imports": (
        "## 1. 라이브러리\n"
        "Keras는 (TensorFlow 위에서) 신경망을 만들고 학습시키고, NumPy는 이미지를 숫자 배열로 담고, "
        "matplotlib은 그래프를 그려요."
    ),
    "notebook.data": (
        "## 2. 데이터\n"
        "{about}\n\n"
        "노트북은 앱이 쓰는 것과 같은 파일을 읽어요. 파일은 IDX 형식이에요. 크기를 적은 짧은 헤더 뒤에 픽셀이나 "
        "레이블이 한 바이트씩 이어져요. 파일을 찾지 못하면 `keras.datasets`가 데이터셋을 내려받아요"
        "(인터넷이 필요해요)."
    ),
    "notebook.data.mnist": (
        "MNIST: 0부터 9까지 손으로 쓴 숫자 70,000개예요. 하나하나가 28 × 28 회색조 픽셀이고, 60,000개는 학습용, "
        "10,000개는 테스트용이에요."
    ),
    "notebook.data.fashion_mnist": (
        "Fashion-MNIST: 옷, 신발, 가방 사진 70,000장으로, 클래스는 10가지예요. 하나하나가 28 × 28 회색조 "
        "픽셀이고, 60,000장은 학습용, 10,000장은 테스트용이에요."
    ),
    "notebook.scale": (
        "## 3. 픽셀값 조정\n"
        "픽셀은 0부터 255까지의 정수예요. 255로 나누면 0부터 1 사이의 수가 되는데, 신경망은 이렇게 작고 고른 "
        "범위에서 가장 잘 배워요. 노트북도 앱처럼 float32로 담아요. 튜토리얼의 float64보다 메모리는 절반이고 "
        "결과는 같아요."
    ),
    "notebook.model.mlp": (
        "## 4. 모델 만들기\n"
        "튜토리얼의 신경망이에요. `Flatten`이 28 × 28 픽셀을 숫자 784개의 한 줄로 펼치고, `Dense({hidden}, "
        "relu)`가 그 숫자들을 조합하고, `Dense(10, softmax)`가 클래스마다 하나씩, 합이 1인 확률 10개를 내놓아요."
    ),
    "notebook.model.cnn": (
        "## 4. 모델 만들기\n"
        "앱의 작은 합성곱 신경망이에요. `Conv2D`와 `MaxPooling2D`를 두 번 거치며 획과 그 조각을 찾고, "
        "`Dropout`은 학습하는 동안 찾은 것의 30%를 무작위로 빼고, `Dense({hidden}, relu)`가 나머지를 조합하고, "
        "`Dense(10, softmax)`가 합이 1인 확률 10개를 내놓아요."
    ),
    "notebook.augment": (
        "**데이터 증강.** 앱에서는 에포크마다 훈련 이미지를 하나하나 무작위로 바꿔서 보여 줬어요. 최대 "
        "{degrees}°까지 돌리고, 최대 {zoom}%까지 키우거나 줄이고, 최대 {shift}픽셀까지 옮기고, 획을 굵거나 "
        "가늘게 했어요. 여기서는 Keras의 `RandomRotation`, `RandomZoom`, `RandomTranslation` 층이 모델 안에서 "
        "앞의 세 가지를 해요. 이 층들은 학습할 때만 작동해서, `evaluate`와 `predict`는 테스트 이미지를 그대로 "
        "봐요. 획 굵기를 바꾸는 층은 Keras에 없어서 그 변화는 뺐어요. 나머지는 앱과 같아요."
    ),
    "notebook.compile": (
        "## 5. 모델 컴파일\n"
        "옵티마이저: {optimizer}, 학습률: {learning_rate}. 손실 함수는 sparse categorical "
        "cross-entropy예요. 그래서 레이블을 7 같은 클래스 번호 그대로 둬요. 평가 지표는 정확도(accuracy)예요."
    ),
    "notebook.optimizer.adam": "Adam(아담)",
    "notebook.optimizer.sgd": "기본 확률적 경사 하강법(SGD)",
    "notebook.optimizer.momentum": "모멘텀 계수 {momentum}의 확률적 경사 하강법(SGD + 모멘텀)",
    "notebook.fit": (
        "## 6. 모델 학습\n"
        "배치 크기는 {batch}, 에포크는 {epochs}번이에요. 튜토리얼처럼 에포크가 끝날 때마다 Keras가 테스트 "
        "이미지로도 채점해요(`validation_data`). 그것이 val_로 시작하는 값들이에요."
    ),
    "notebook.curves": (
        "## 7. 네 개의 곡선\n"
        "에포크마다 훈련 이미지에서 잰 손실과 정확도(loss, accuracy), 테스트 이미지에서 잰 손실과 정확도"
        "(val_loss, val_accuracy)예요."
    ),
    "notebook.evaluate": (
        "## 8. 성능 평가\n"
        "`evaluate`가 학습을 마친 모델을 테스트 이미지 10,000장으로 채점해요. 앱에서 한 학습의 테스트 정확도: "
        "{accuracy}."
    ),
    "notebook.mistakes": (
        "## 9. 틀린 이미지\n"
        "이미지마다 신경망의 답은 확률이 가장 높은 클래스예요(axis 1 방향의 `np.argmax`). 아래는 틀린 테스트 "
        "이미지 중 무작위로 고른 {shown}장과 그 레이블(Label), 예측(Predict)이에요."
    ),
    "notebook.code.settings": "학습 기록 {run_id}의 설정",
    "notebook.code.seed": "시드가 같으면 시작 가중치와 이미지 순서가 같아요",
    "notebook.code.no_seed": "그 학습은 시드를 정하지 않아서, 학습할 때마다 조금씩 다르게 시작해요",
    "notebook.code.train_images": "쓸 훈련 이미지 수. 적을수록 빨라요",
    "notebook.code.data_dir": "데이터 파일 네 개가 있는 폴더. None이면 프로젝트의 data 폴더를 찾아요",
    "notebook.code.quiet": "Keras가 TensorFlow를 시작하기 전에 정해야 시작 메시지가 줄어요",
    "notebook.code.read_idx": "IDX 파일(그대로이거나 gzip으로 압축된 것)을 NumPy 배열로 읽어요.",
    "notebook.code.gzip": "gzip 파일은 이 두 바이트로 시작해요",
    "notebook.code.dims": "헤더의 네 번째 바이트: 이미지는 3, 레이블은 1",
    "notebook.code.find_file": "폴더 안의 파일, 또는 그 .gz 사본. 없으면 None.",
    "notebook.code.search": "DATA_DIR을 먼저 보고, 그다음 이 폴더와 그 위의 모든 폴더에서 data/를 찾아요",
    "notebook.code.debian": "데비안의 dataset-fashion-mnist 패키지",
    "notebook.code.download": "파일이 없으면 Keras가 내려받아요",
    "notebook.code.first_images": "훈련 이미지 중 앞의 {setting}장",
    "notebook.code.scale": "픽셀값을 0..255에서 0..1로",
    "notebook.code.seed_apply": "시드를 정하면 시작 가중치(와 이미지 순서)가 매번 같아요",
    "notebook.code.augment": "학습할 때만 쓰는 무작위 변화",
    "notebook.code.argmax": "이미지마다의 답: 확률이 가장 높은 클래스",
    "notebook.code.pick": "틀린 것 중 무작위로 {shown}개, 중복 없이",
    "downloads.title": "이 학습 기록 가져가기",
    "downloads.notebook": "노트북 (.ipynb)",
    "downloads.notebook_help": (
        "이 학습을 만든 코드를 한 단계씩, 지금 언어로 된 Jupyter 노트북으로 받아요. TensorFlow, NumPy, "
        "matplotlib만 있으면 돼요."
    ),
    "downloads.model": "모델 (.keras)",
    "downloads.model_help": "학습된 신경망이에요. Keras 3이면 어디서든 열려요: keras.saving.load_model(파일).",
    "downloads.record": "기록 (JSON)",
    "downloads.record_help": "설정, 에포크마다의 손실과 정확도, 학습 시간, 테스트 점수가 담겨 있어요.",
    "downloads.curves": "그래프 (PNG)",
    "downloads.curves_help": "에포크마다의 손실, 검증 손실, 정확도, 검증 정확도 네 곡선이에요.",
    "link.title": "이 설정으로 여는 링크 복사하기",
    "link.help": (
        "이 링크를 여는 사람은 학습 페이지가 이 설정으로 채워진 채로 보게 돼요. 상자 오른쪽 버튼으로 복사하세요."
    ),
    "link.ignored_range": "링크에 있던 {name}={value} 값은 쓰지 않았어요. {low}부터 {high} 사이여야 해요.",
    "link.ignored_choice": "링크에 있던 {name}={value} 값은 쓰지 않았어요. 다음 중 하나여야 해요: {choices}.",
    "link.ignored_cap": "링크에 있던 {name}={value} 값은 쓰지 않았어요. 이 수업에서 선생님이 허용하지 않은 설정이에요.",
    "link.capped": "링크는 {asked} 에포크를 요청하지만 이 수업은 최대 {cap} 에포크까지라서 {cap} 에포크로 맞췄어요.",
    # Inside the network (Draw) and the weights as they form (Train)
    "inside.title": "신경망 속 들여다보기",
    "inside.dense_help": (
        "은닉 유닛 하나는 784개 픽셀을 모두 보는데, 픽셀마다 가중치가 따로 있어요. 유닛의 그림은 그 가중치를 "
        "픽셀 자리에 그대로 그린 것이에요. 주황색은 잉크가 있으면 유닛이 더 강하게 켜지는 곳이고, 점이 찍힌 "
        "보라색은 잉크가 있으면 유닛을 억누르는 곳이에요. 그림 아래 숫자는 유닛이 내 그림에 얼마나 강하게 "
        "반응했는지예요."
    ),
    "inside.legend": "점 찍힌 보라색: 음수 · 흰색: 0 · 주황색: 양수. 그림마다 색의 세기 기준이 따로예요.",
    "inside.legend_alt": (
        "왼쪽에서 오른쪽으로 색의 범례: 점이 찍힌 진한 보라색은 크게 음수인 가중치, 옅은 보라색, 흰색은 0, "
        "옅은 주황색, 진한 주황색은 크게 양수인 가중치예요."
    ),
    "inside.units_title": "내 그림에 가장 강하게 반응한 은닉 유닛 {count}개",
    "inside.unit": "유닛 {unit}: {activation:.2f}",
    "inside.unit_alt": "은닉 유닛 {unit}의 가중치 그림. 내 그림에 {activation:.2f}만큼 반응했어요. {where}",
    "inside.where": "가장 센 양수 가중치: {positive}. 가장 센 음수 가중치: {negative}.",
    "inside.nowhere": "없음",
    "inside.region.top_left": "왼쪽 위",
    "inside.region.top": "위쪽",
    "inside.region.top_right": "오른쪽 위",
    "inside.region.left": "왼쪽",
    "inside.region.middle": "가운데",
    "inside.region.right": "오른쪽",
    "inside.region.bottom_left": "왼쪽 아래",
    "inside.region.bottom": "아래쪽",
    "inside.region.bottom_right": "오른쪽 아래",
    "inside.toward_answer": "답 {label}({probability}) 쪽으로 가장 세게 미는 유닛",
    "inside.toward_runner_up": "2위 {label}({probability}) 쪽으로 가장 세게 미는 유닛",
    "inside.push": "유닛 {unit}: {amount:+.2f}",
    "inside.push_alt": "은닉 유닛 {unit}의 가중치 그림. 숫자 {label}의 점수에 {amount:+.2f}만큼 더해요. {where}",
    "inside.push_help": (
        "은닉 유닛은 저마다 (활성값 × 그 숫자로 가는 가중치)를 숫자의 점수에 더해요. 모든 유닛이 더한 값에 "
        "편향(bias)을 더하면 점수가 되고, 소프트맥스가 열 개의 점수를 확률로 바꿔요."
    ),
    "inside.cnn_help": (
        "합성곱 층은 작은 필터를 그림 위로 한 칸씩 옮기며 훑어요. 필터마다 한 가지 무늬를 그림 곳곳에서 찾고, "
        "그 무늬를 찾은 자리를 특징 맵(feature map)에 적어요."
    ),
    "inside.first_title": "첫 번째 합성곱: 필터 {count}개와 각 필터가 내 그림에서 찾은 것",
    "inside.first_help": (
        "위: 필터의 3 × 3 가중치(주황색은 양수, 점 찍힌 보라색은 음수). 아래: 그 필터의 특징 맵으로, 내 그림에 "
        "그 무늬가 있는 곳이 흰색이에요. 모든 맵의 밝기 기준은 같아요."
    ),
    "inside.filter": "필터 {number}",
    "inside.filter_alt": "필터 {number}: 3 × 3 가중치, 위쪽 줄부터: {rows}.",
    "inside.map_alt": "내 그림에 대한 필터 {number}의 특징 맵. 가장 강한 반응: {where}.",
    "inside.map_silent_alt": "필터 {number}의 특징 맵: 이 필터는 내 그림에서 아무것도 찾지 못했어요(모두 검은색).",
    "inside.second_title": "두 번째 합성곱: 특징 맵 {count}개",
    "inside.second_help": (
        "두 번째 층의 필터는 첫 번째 층의 맵을 모두 한꺼번에 보기 때문에, 무늬들로 이루어진 무늬를 찾아요. "
        "작은 사각형 하나가 11 × 11 맵 하나이고, 반응한 곳이 흰색이에요."
    ),
    "inside.second_alt": (
        "두 번째 합성곱의 특징 맵 {count}개를 한 줄에 {columns}개씩 늘어놓은 격자. 그중 {active}개가 내 그림 "
        "어딘가에 반응했어요."
    ),
    "learn.hidden.title": "은닉 유닛은 무엇을 찾을까요?",
    "learn.hidden.body": (
        "은닉 유닛은 픽셀마다 가중치를 곱해 모두 더하고 편향을 더한 뒤, 0보다 크면 그 값을, 아니면 0을 "
        "내보내요(relu). 그래서 잉크가 주황색 가중치 위에 놓이고 보라색 가중치는 피해 갈수록 강하게 켜져요. "
        "유닛의 그림이 곧 그 유닛이 찾는 무늬예요.\n\n"
        "무엇을 찾으라고 알려 준 사람은 없어요. 훈련하는 동안 배치마다 모든 가중치가 틀린 답이 줄어드는 "
        "쪽으로 조금씩 움직였을 뿐이에요. 그래서 많은 유닛이 숫자 전체보다는 흐릿한 획 조각처럼 보여요. "
        "출력층은 이 유닛들을 모두 모아 판단해요. 숫자의 점수는 각 유닛의 활성값 × 그 숫자로 가는 가중치를 "
        "모두 더한 값이에요.\n\n"
        "가장자리의 가중치는 처음처럼 얼룩덜룩해요. MNIST 숫자는 가장자리에 잉크가 거의 없어서, 그 가중치는 "
        "거의 바뀌지 않았거든요."
    ),
    "learn.first_layer.title": "첫 번째 합성곱은 무엇을 찾을까요?",
    "learn.first_layer.body": (
        "필터는 3 × 3 가중치예요. 28 × 28 그림의 모든 자리로 옮겨 다니며, 자리마다 아래에 있는 픽셀 9개에 "
        "가중치 9개를 곱해 더해요. 픽셀이 필터의 무늬와 맞는 곳에서는 합이 커서 맵이 흰색이 돼요.\n\n"
        "첫 번째 층의 필터는 흔히 가장자리와 획의 방향을 찾는 검출기가 돼요. 위에는 잉크가 있고 아래에는 없는 "
        "곳, 세로 획이나 비스듬한 획, 획의 끝 같은 것이에요. 필터의 줄을 읽어 보세요. + + + 아래에 − − − 가 "
        "있는 필터는 가로 획의 아래쪽 가장자리(위는 잉크, 아래는 빈칸)를 찾아요. 3 × 3 필터는 28픽셀 안에 "
        "26번 들어가서 맵은 26 × 26이에요."
    ),
    "learn.second_layer.title": "두 번째 합성곱은 무엇을 찾을까요?",
    "learn.second_layer.body": (
        "두 합성곱 사이에서 풀링(pooling)이 2 × 2 칸마다 가장 큰 값만 남겨서, 26 × 26 맵이 13 × 13으로 줄어요. "
        "그래서 획이 조금 옮겨져도 결과가 크게 바뀌지 않아요.\n\n"
        "두 번째 층의 필터 64개는 저마다 첫 번째 층의 맵 32개를 한꺼번에, 3 × 3 칸씩 봐요. 그래서 무늬들로 "
        "이루어진 무늬, 곧 모서리, 곡선, 교차점, 고리, 획의 끝 같은 것에 반응해요. 11 × 11 맵은 더 거칠고 "
        "이름 붙이기도 어려워요. 그게 정상이에요. 층이 깊어질수록 특징은 우리가 쓰는 말보다 숫자를 맞히는 "
        "일에 더 맞춰지거든요."
    ),
    "weights.title": "가중치가 만들어지는 모습 보기",
    "weights.waiting": "훈련이 시작되면 여기에 가중치가 나타나요.",
    "weights.units_help": (
        "은닉 유닛 1~{count}번이 받는 가중치 784개를 28 × 28 그림으로 그렸어요. 훈련 전에는 무작위 얼룩이지만, "
        "에포크가 지날수록 획 모양이 나타나요."
    ),
    "weights.filters_help": (
        "첫 번째 합성곱의 필터 {count}개로, 각각 3 × 3 가중치예요. 무작위로 시작해서 가장자리와 획의 방향을 "
        "찾는 검출기로 바뀌어 가요."
    ),
    "weights.epoch": "에포크",
    "weights.before": "훈련 전(에포크 0)",
    "weights.after": "에포크 {epoch} 후",
    "weights.unit": "유닛 {unit}",
    "weights.unit_alt": "{when}: 은닉 유닛 {unit}의 가중치 그림. {where}",
    "weights.filter_alt": "{when}: 필터 {number}, 3 × 3 가중치, 위쪽 줄부터: {rows}.",
    # Class page and the class set (issue #16)
    "nav.class": "우리 반",
    "class.title": "우리 반의 손글씨",
    "class.intro": (
        "MNIST의 숫자는 1990년대 미국에서 인구조사국 직원과 학생들이 쓴 거예요. 여기에는 **우리 반**이 그리기 "
        "페이지에서 모은 숫자와, 수업 모델이 그 숫자를 얼마나 잘 읽는지가 나와요. 모델이 무엇을 할 수 있는지는 "
        "데이터가 정해요."
    ),
    "class.model": "수업 모델: {run}",
    "class.no_model": (
        "아직 숫자 모델이 없어요. 학습 페이지에서 하나 학습하거나, 선생님께 수업 모델을 정해 달라고 하세요."
    ),
    "class.count": "모은 그림",
    "class.accuracy": "우리 그림에서 수업 모델의 정확도",
    "class.mnist_accuracy": "MNIST 테스트 세트에서 수업 모델의 정확도",
    "class.none_yet": (
        '아직 그림이 없어요. 그리기 페이지에서 숫자를 그린 다음, "우리 반에 주기" 아래에서 쓰려고 한 숫자를 누르세요.'
    ),
    "class.per_digit": "숫자별 그림 수",
    "class.digit": "숫자",
    "class.drawings": "그림 수",
    "class.matrix.title": "수업 모델이 우리 그림을 읽은 결과",
    "class.matrix.help": "행은 쓰려고 한 숫자, 열은 수업 모델이 읽은 숫자예요. 칸을 고르면 그 칸의 그림이 보여요.",
    "class.cell": "쓰려고 한 숫자 {meant}, 모델이 읽은 숫자 {read}: 그림 **{count}**장",
    "class.cell_more": "최근 {shown}장만 보여요(모두 {count}장).",
    "class.fooled.title": "모델을 속인 그림",
    "class.fooled.help": "모델이 틀리게 읽은 그림 중에서 가장 자신 있게 틀린 것부터 보여요.",
    "class.fooled.none": "아직 수업 모델을 속인 그림이 없어요. 모델이 잘못 읽는 숫자를 써 볼 수 있나요?",
    "class.caption": "{meant} → {read} ({confidence})",
    "class.caption_named": "{caption} · {student}",
    "class.unavailable": "지금은 우리 반 그림 모음을 쓸 수 없어요.",
    "class.unavailable_advice": (
        "그리기는 평소처럼 할 수 있지만, 우리 반 기능은 쓸 수 없어요. 파일은 건드리지 않고 그대로 두었어요. "
        "어떻게 하면 되는지는 아래 자세한 내용에 나와 있어요."
    ),
    "class.give.title": "우리 반에 주기",
    "class.give.help": "쓰려고 한 숫자를 누르세요. 모델이 본 그대로 우리 반 그림 모음에 들어가요.",
    "class.give.name_first": "그림을 우리 반에 주려면 사이드바에 이름을 입력하세요.",
    "class.give.given": "고마워요! 숫자 {digit}(으)로 주었어요. 이제 우리 반에는 {digit} 그림이 {count}장 있어요.",
    "class.give.already": "이 그림은 이미 반 모음에 있어요. 다음 그림을 그려 보세요!",
    "class.give.blank": "아직 줄 그림이 없어요. 먼저 숫자를 그리세요.",
    "class.give.unreadable": "모델이 읽을 수 있는 그림만 줄 수 있어요. 숫자 하나를 너무 작지 않게 그리세요.",
    "class.give.too_many": "{minutes}분 동안 {most}장이나 주었어요. 고마워요! 약 {wait}분 뒤에 더 줄 수 있어요.",
    "class.give.unavailable": (
        "지금은 우리 반 그림 모음에 그림을 넣을 수 없어요(이유는 선생님이 우리 반 페이지에서 볼 수 있어요). "
        "그리기는 평소처럼 할 수 있어요."
    ),
    "class.col.student": "학생",
    "class.col.meant": "쓰려고 한 숫자",
    "class.col.read": "모델이 읽은 숫자",
    "class.col.when": "준 시각",
    "class.teacher.title": "우리 반 그림 모음",
    "class.teacher.show_names": "우리 반 페이지에 이름 보이기",
    "class.teacher.drawings": "모든 그림이에요(최근 것부터). 하나를 고르면 그림을 보고 지울 수 있어요.",
    "class.teacher.delete_drawing": "이 그림 지우기",
    "class.teacher.drawing_deleted": "그림을 지웠어요.",
    "class.teacher.student": "학생",
    "class.teacher.delete_student": "이 학생의 그림 모두 지우기…",
    "class.teacher.confirm_student": "{student} 학생의 그림 {count}장을 모두 지울까요? 되돌릴 수 없어요.",
    "class.teacher.yes_delete": "네, 지울게요",
    "class.teacher.keep": "아니요, 둘게요",
    "class.teacher.deleted": "{student} 학생의 그림 {count}장을 지웠어요.",
    "class.export.names": "학생 이름 포함",
    "class.export.button": "우리 반 그림 모음 내려받기",
    "class.export.help": (
        "zip 파일 하나에 그림과 숫자는 MNIST 형식 파일(이 앱의 로더로 읽을 수 있어요)로, 나머지 정보는 표로 "
        "들어 있어요. 다음 반이 모델을 테스트하는 데 쓸 수 있어요."
    ),
    "class.retrain.title": "우리 그림으로 수업 모델 다시 학습하기",
    "class.retrain.help": (
        "MNIST와, 학생 네 명 중 약 세 명의 그림으로 수업 모델을 미세 조정해요. 나머지 학생들의 그림은 따로 "
        "남겨 두었다가, 모델이 한 번도 배우지 않은 손글씨로 공정하게 테스트해요."
    ),
    "class.retrain.split": (
        "학생 {train_students}명의 그림 {train_drawings}장으로 배우고, 학생 {held_students}명의 그림 "
        "{held_drawings}장은 테스트용으로 남겨 둬요."
    ),
    "class.retrain.no_drawings": "아직 다시 학습할 그림이 없어요(또는 수업 모델이 없어요).",
    "class.retrain.epochs": "에포크",
    "class.retrain.start": "우리 반 그림으로 다시 학습",
    "class.result.title": "가장 최근에 우리 반 그림으로 다시 학습한 결과: 전 → 후",
    "class.result.computing": "두 모델로 테스트용 그림을 읽는 중…",
    "class.result.parent_gone": "시작한 실행이 지워져서 비교할 수 없어요.",
    "class.result.held_metric": "테스트용 우리 반 그림",
    "class.result.mnist_metric": "MNIST 테스트 세트",
    "class.result.points": "{points}%포인트",
    "class.result.trained_on": "학생 {students}명의 우리 반 그림 {drawings}장과 MNIST 학습 이미지로 배웠어요.",
    "class.result.held": "한 번도 배우지 않은 학생 {students}명의 그림({drawings}장): {before} → {after}",
    "class.result.no_held_out": (
        "따로 남겨 둔 학생이 없어요(모든 그림이 한 학생의 것이에요). 그래서 우리 반 그림으로 공정하게 "
        "테스트할 수 없어요."
    ),
    "class.result.mnist": "MNIST 테스트 세트: {before} → {after}",
    "class.result.better": (
        "이제 본 적 없는 반 친구의 글씨도 더 잘 읽어요. 그림 몇 장을 외운 게 아니라 우리 반이 숫자를 쓰는 "
        "방식을 배웠어요."
    ),
    "class.result.worse": (
        "따로 남겨 둔 반 친구의 글씨는 오히려 덜 잘 읽어요. 그림이 적으면 모델이 본 학생들만의 버릇을 배우는데, "
        "다른 학생에게는 그 버릇이 없거든요. 더 많은 학생이 더 많이 그리면 나아져요."
    ),
    "class.result.same": (
        "테스트용 그림에서는 거의 달라지지 않았어요(한두 장 차이는 우연이에요). 우리 그림이 MNIST의 60,000장에 "
        "비해 적거나, 모델이 이미 우리 반 글씨를 잘 읽고 있었어요."
    ),
    "class.result.why_held_out": (
        "두 명 이상의 그림이 있으면 일부 학생을 따로 남겨 둬요. 그래야 모델이 배운 것이 새로운 사람의 글씨에도 "
        "통하는지 알 수 있어요."
    ),
    "class.result.forgetting": (
        "MNIST 정확도가 떨어졌어요. 모델이 MNIST를 쓴 사람들의 글씨를 잊기 시작한 거예요. MNIST와 우리 그림을 "
        "함께 학습하면 이런 일을 줄일 수 있어요."
    ),
    "class.result.remembered": (
        "MNIST 정확도는 그대로예요. MNIST와 우리 그림을 함께 학습해서 모델이 알던 것을 지켰어요."
    ),
    "class.result.pin": "수업 모델로 정하기",
    "class.result.pinned": "수업 모델로 정했어요. 이제 그리기, 오답, 우리 반 페이지가 이 모델로 시작해요.",
    "learn.class_data.title": "왜 우리 반 그림일까요?",
    "learn.class_data.body": (
        "모델은 본 예시에서만 배워요. MNIST의 숫자는 1990년대 미국에서 쓴 거예요. 그곳에서는 1을 한 획으로 "
        "긋는 경우가 많고, 7에 가로줄을 긋는 일이 드물고, 9의 꼬리는 곧게 내려와요. 우리 반이 어떤 숫자를 "
        "다르게 쓴다면 모델은 우리 글씨를 덜 잘 읽어요. 나쁜 모델이라서가 아니라, 우리 같은 글씨를 본 적이 "
        "없어서예요.\n\n"
        "해결책은 데이터예요. 모델에게 우리 그림을 보여 주고, 한 번도 배우지 않은 반 친구의 그림으로 테스트해 "
        "보세요. 그 그림을 더 잘 읽게 되었다면, 모델이 우리 반의 글씨를 배운 거예요."
    ),
    # Build your own network (mnist_core/model/layers.py): a spec that cannot be built, and the short form
    "layers.error.unknown_kind": (
        '{position}번째 층("{part}"): "{word}"(이)라는 층은 없어요. dense, conv, pool, dropout, batchnorm 중에서 '
        "골라 주세요."
    ),
    "layers.error.arguments.dense": (
        '{position}번째 층("{part}"): dense 층에는 유닛 수와 활성화 함수를 적어요. 예: "dense 128 relu"'
    ),
    "layers.error.arguments.conv": (
        '{position}번째 층("{part}"): conv 층에는 필터 수, 커널 크기, 활성화 함수를 적어요. 예: "conv 16 3 relu"'
    ),
    "layers.error.arguments.pool": '{position}번째 층("{part}"): pool 층에는 크기 하나를 적어요. 예: "pool 2"',
    "layers.error.arguments.dropout": (
        '{position}번째 층("{part}"): dropout 층에는 비율 하나를 적어요. 예: "dropout 0.2"'
    ),
    "layers.error.arguments.batchnorm": (
        '{position}번째 층("{part}"): batchnorm 뒤에는 아무것도 적지 않아요. "batchnorm"만 적어 주세요.'
    ),
    "layers.error.whole_number": '{position}번째 층("{part}"): "{value}" 자리에는 정수를 적어 주세요.',
    "layers.error.units": (
        '{position}번째 층("{part}"): dense 층의 유닛 수는 1에서 {most:,} 사이여야 해요(지금: {units}).'
    ),
    "layers.error.filters": (
        '{position}번째 층("{part}"): 합성곱 층의 필터 수는 1에서 {most:,} 사이여야 해요(지금: {filters}).'
    ),
    "layers.error.activation": (
        '{position}번째 층("{part}"): "{activation}"(이)라는 활성화 함수는 없어요. relu, tanh, sigmoid, linear '
        "중에서 골라 주세요."
    ),
    "layers.error.kernel_size": '{position}번째 층("{part}"): 커널 크기는 1픽셀 이상이어야 해요(지금: {kernel}).',
    "layers.error.kernel_too_big": (
        '{position}번째 층("{part}"): {kernel} × {kernel} 커널이 이 층에 들어오는 {height} × {width} 이미지보다 커요.'
    ),
    "layers.error.pool_size": '{position}번째 층("{part}"): 풀링 칸의 크기는 1픽셀 이상이어야 해요(지금: {size}).',
    "layers.error.pool_too_big": (
        '{position}번째 층("{part}"): 이 층에 들어오는 {height} × {width} 이미지를 {size} × {size} 칸으로 '
        "풀링하면 1픽셀보다 작아져요."
    ),
    "layers.error.rate": (
        '{position}번째 층("{part}"): 드롭아웃 비율은 0 이상 1 미만의 수여야 해요(0.2는 학습하는 동안 값의 '
        "5분의 1을 0으로 만들어요). 지금: {rate}"
    ),
    "layers.error.conv_after_dense": (
        '{position}번째 층("{part}"): 합성곱에는 이미지가 필요한데, {dense_position}번째 층("{dense_part}")은 '
        "dense 층이라 출력이 이미지가 아니라 숫자 목록이에요. 합성곱과 풀링은 첫 dense 층보다 앞에 두세요."
    ),
    "layers.error.pool_after_dense": (
        '{position}번째 층("{part}"): 풀링에는 이미지가 필요한데, {dense_position}번째 층("{dense_part}")은 '
        "dense 층이라 출력이 이미지가 아니라 숫자 목록이에요. 합성곱과 풀링은 첫 dense 층보다 앞에 두세요."
    ),
    "layers.display.none": "은닉층 없음",
    # Issue #32, why did it answer that (mnist_core/reading/explain.py and fooling.py): where the ink pushed, and
    # fooling it.
    "explain.for.top": "{digit} 쪽으로 미는 잉크는 주로 그림의 위쪽에 있어요 (전체의 {share}%).",
    "explain.for.bottom": "{digit} 쪽으로 미는 잉크는 주로 그림의 아래쪽에 있어요 (전체의 {share}%).",
    "explain.for.left": "{digit} 쪽으로 미는 잉크는 주로 가운데 높이의 왼쪽에 있어요 (전체의 {share}%).",
    "explain.for.right": "{digit} 쪽으로 미는 잉크는 주로 가운데 높이의 오른쪽에 있어요 (전체의 {share}%).",
    "explain.for.middle": "{digit} 쪽으로 미는 잉크는 주로 그림의 한가운데에 있어요 (전체의 {share}%).",
    "explain.for.spread": "{digit} 쪽으로 미는 잉크는 그림 전체에 고르게 퍼져 있어요.",
    "explain.for.none": "{digit} 쪽으로 미는 잉크가 없어요.",
    "explain.against.top": "{digit}에서 멀어지게 미는 잉크는 주로 그림의 위쪽에 있어요 (전체의 {share}%).",
    "explain.against.bottom": "{digit}에서 멀어지게 미는 잉크는 주로 그림의 아래쪽에 있어요 (전체의 {share}%).",
    "explain.against.left": "{digit}에서 멀어지게 미는 잉크는 주로 가운데 높이의 왼쪽에 있어요 (전체의 {share}%).",
    "explain.against.right": ("{digit}에서 멀어지게 미는 잉크는 주로 가운데 높이의 오른쪽에 있어요 (전체의 {share}%)."),
    "explain.against.middle": "{digit}에서 멀어지게 미는 잉크는 주로 그림의 한가운데에 있어요 (전체의 {share}%).",
    "explain.against.spread": "{digit}에서 멀어지게 미는 잉크는 그림 전체에 고르게 퍼져 있어요.",
    "explain.against.none": "{digit}에서 멀어지게 미는 잉크가 없어요.",
    "explain.fool.done": (
        "이제 네트워크가 {target}(으)로 읽어요. 바꾼 픽셀은 {pixels}개, 가장 많이 바꾼 곳도 255단계 중 {largest}단계, "
        "평균 {mean}단계예요. 여러분 눈에는 여전히 처음 그린 숫자로 보이지만, 네트워크는 그렇지 않아요."
    ),
    "explain.fool.gave_up": (
        "{steps}번 바꿔 보고 포기했어요. 정해진 한도 안에서는 네트워크가 {target}(으)로 읽지 않고 여전히 "
        "{reading}(으)로 읽어요."
    ),
    "explain.fool.already": "네트워크가 이 그림을 이미 {target}(으)로 읽고 있어요. 다른 숫자를 골라 보세요.",
    # Issue #33, accessibility (mnist_core/text/alt_text.py): what each picture shows, for a screen reader.
    "alt.sample.digit": "훈련 이미지: 손으로 쓴 숫자 {name}, 28 × 28 픽셀 회색조 그림.",
    "alt.sample.fashion": "훈련 이미지, 클래스 {name}: 옷 사진, 28 × 28 픽셀 회색조 그림.",
    "alt.input.blank": "신경망의 입력, 28 × 28 픽셀: 아직 아무것도 그리지 않아서 모두 검은색이에요.",
    "alt.input.read": (
        "신경망의 입력: 내 그림을 28 × 28 픽셀 회색조로 바꾼 것. 신경망이 읽은 숫자: {answer}, 확신도 {confidence}."
    ),
    "alt.step.ink": "5단계 중 1단계: 내가 그린 그림, 검은 바탕에 흰 잉크, {height} × {width} 픽셀.",
    "alt.step.cropped": "5단계 중 2단계: 잉크 부분만 잘라 낸 그림, {height} × {width} 픽셀.",
    "alt.step.scaled": "5단계 중 3단계: 긴 쪽이 20픽셀이 되도록 줄인 잉크, {height} × {width} 픽셀.",
    "alt.step.padded": "5단계 중 4단계: {height} × {width} 픽셀 검은 정사각형 안에 넣은 잉크.",
    "alt.step.centred": "5단계 중 5단계: 무게중심이 {height} × {width} 정사각형의 한가운데 오도록 옮긴 잉크.",
    "alt.right": "맞았어요.",
    "alt.wrong": "틀렸어요.",
    "alt.test_image": "테스트 이미지, 레이블 {label}. 신경망이 읽은 답: {read}, 확신도 {confidence}. {verdict}",
    "alt.drawing.read": (
        "우리 반에 준 그림, 쓰려고 한 숫자 {meant}. 수업 모델이 읽은 숫자: {read}, 확신도 {confidence}. {verdict}"
    ),
    "alt.drawing.given": "우리 반에 준 그림, 쓰려고 한 숫자 {meant}. 줄 때 모델이 읽은 숫자: {read}. {verdict}",
    "alt.drawing.by": "{drawing} 그린 학생: {student}.",
    # Issue #33, pick a test image on the Draw page (mnist_core/reading/picked.py, ui/image_picker.py).
    "pick.title": "그리기가 어렵나요? 테스트 이미지를 읽혀 보세요",
    "pick.help": (
        "MNIST 테스트 이미지 {count:,}장 가운데 하나를 번호로 고르거나, 숫자를 정해 그 숫자의 이미지를 무작위로 "
        "고르세요. 신경망이 그림을 읽을 때와 똑같이 읽고 페이지의 모든 보기가 함께 나와요. 우리 반에 줄 수도 있어요."
    ),
    "pick.how": "테스트 이미지 고르는 방법",
    "pick.how_help": (
        "번호로 고르거나, 고른 숫자의 테스트 이미지를 무작위로 골라요. 글자를 입력해 목록에서 찾거나 화살표 키와 "
        "Enter 키를 쓰세요."
    ),
    "pick.by_number": "번호로 고르기",
    "pick.random": "숫자 {digit} 가운데 무작위로",
    "pick.number": "테스트 이미지 번호 (0 ~ {last:,})",
    "pick.number_help": "테스트 이미지마다 번호가 있어요. 번호를 입력하고 ‘이 테스트 이미지 읽기’를 누르세요.",
    "pick.read": "이 테스트 이미지 읽기",
    "pick.caption": "테스트 이미지 {index}: {label}",
    "pick.alt": "테스트 이미지 {index}: 손으로 쓴 숫자 {label}, 28 × 28 픽셀 회색조 그림.",
    "pick.reading": (
        "신경망이 지금 테스트 이미지 {index}번(레이블: {label})을 그림처럼 읽고 있어요. 직접 그린 그림을 다시 "
        "읽히려면 정사각형에 그리세요."
    ),
    "pick.unavailable": "이 서버에서는 테스트 이미지를 쓸 수 없어요.",
    # Issue #33, the class's runs on one chart (mnist_core/classroom/dashboard.py, mnist_core/text/dashboard.py).
    "dashboard.title": "우리 반의 모든 실행",
    "dashboard.help": (
        "학생이나 선생님이 학습한 숫자 모델마다 점이 하나예요. 테스트 정확도를 에포크나 학습 시간에 맞춰 찍었어요. "
        "색과 모양 모두 모델과 옵티마이저를 나타내고, 점선은 튜토리얼의 점수예요. 점을 누르면 그 실행을 볼 수 있어요."
    ),
    "dashboard.none": "아직 우리 반의 실행이 없어요. 학습 페이지에서 숫자 모델을 학습하면 여기에 저절로 나타나요.",
    "dashboard.axis": "가로축",
    "dashboard.axis.epochs": "에포크",
    "dashboard.axis.seconds": "학습 시간(초)",
    "dashboard.legend": "모델 · 옵티마이저",
    "dashboard.category": "{model} · {optimizer}",
    "dashboard.custom": "직접 만든 신경망",
    "dashboard.custom_layers": "직접 만든 신경망: {layers}",
    "dashboard.a_student": "한 학생",
    "dashboard.point": "{who} · {model} · {learning} · {epochs} 에포크 · 정확도 {accuracy}",
    "dashboard.summary": "{people}명이 학습한 실행 {runs}개예요. 점선은 튜토리얼의 {tutorial}이에요.",
    "dashboard.beat.title": "누가 튜토리얼을 이겼을까요?",
    "dashboard.beat.none": "아직 튜토리얼의 {tutorial}을 넘은 실행이 없어요. 지금까지 가장 좋은 점수는 {best}예요.",
    "dashboard.beat.named": "튜토리얼의 {tutorial}보다 높아요: {names}.",
    "dashboard.beat.count": (
        "{people}명이 학습한 실행 {runs}개가 튜토리얼의 {tutorial}을 넘었어요. 가장 좋은 점수는 {best}({category})예요."
    ),
    "dashboard.best.title": "모델마다 가장 좋은 실행",
    "dashboard.every": "차트의 모든 실행을 표로 보기",
    "dashboard.col.tutorial": "튜토리얼과 비교",
    "dashboard.above": "▲ 더 높음",
    "dashboard.below": "높지 않음",
    "dashboard.alt": (
        "차트: 우리 반의 실행 하나하나가 점이에요. {axis}에 따른 테스트 정확도이고, 튜토리얼의 {tutorial}은 "
        "점선이에요. {beat}"
    ),
    "dashboard.tutorial_line": "튜토리얼: {accuracy}",
    "dashboard.click": "점을 누르면 그 실행의 설정과 곡선을 볼 수 있어요.",
    "dashboard.chosen": "누른 실행:",
    "dashboard.images": "학습 이미지",
    "dashboard.fine_tuned": "우리 반 그림으로 다시 학습함",
    "dashboard.yes": "예",
    "dashboard.col.what": "항목",
    "dashboard.col.value": "값",
    # Issue #33, review first (mnist_core/classset/drawings.py, ui/class_review.py) and balance (classset/balance.py).
    "class.review.switch": "반 친구들이 보기 전에 그림 검토하기",
    "class.review.switch_help": (
        "켜면 학생이 준 그림이 아래에서 선생님의 승인을 기다려요. 승인한 그림만 우리 반 페이지, 게시판, 다시 학습, "
        "내려받기에 들어가요. 거절한 그림은 지워지고 반 친구들은 볼 수 없어요."
    ),
    "class.review.title": "검토를 기다리는 그림",
    "class.review.none": "검토를 기다리는 그림이 없어요.",
    "class.review.count": "기다리는 그림: {count}장, 오래된 것부터.",
    "class.review.more": "오래된 {shown}장을 보여 줘요. 승인하거나 거절하면 다음 그림이 나와요.",
    "class.review.caption": "{student} · 쓰려던 숫자 {meant} · 읽은 숫자 {read}",
    "class.review.approve": "승인",
    "class.review.reject": "거절",
    "class.review.approve_all": "보이는 그림 모두 승인({count}장)",
    "class.review.approved": "{count}장을 승인했어요. 이제 반 친구들이 볼 수 있어요.",
    "class.review.rejected": "{count}장을 거절하고 지웠어요.",
    "class.give.waiting": "고마워요! 숫자 {digit}(으)로 주었어요. 선생님이 검토한 뒤에 반 친구들이 볼 수 있어요.",
    "class.balance.counts": "숫자별 그림 수: {counts}.",
    "class.balance.scarce": (
        "{digits}의 그림이 적어요. 숫자 하나당 평균 {mean}장의 3분의 1도 안 돼요. 이 그림 모음으로 다시 학습하면 "
        "모델이 이 숫자들을 너무 적게 봐서 우리 반이 쓰는 모양을 배우지 못하고, 많이 본 숫자 쪽으로 답하게 돼요. "
        "이 숫자들에 대한 우리 반 정확도도 그림 몇 장에 달려 있어요. 반 친구들에게 이 숫자를 더 그려 달라고 하세요."
    ),
    "class.retrain.anyway": "그래도 다시 학습하기: 그림 모음이 한쪽으로 치우친 걸 알고 있어요",
    # Issue #31, build your own network, the backend: names, caps, lesson links and notebooks of written networks.
    "model.custom": "직접 만든 신경망",
    "model.custom.short": "직접 만든 신경망",
    "model.weight_decay": "{model}, 가중치 감쇠 {rate}",
    "caps.parameters": (
        "이 수업에서는 선생님이 파라미터 {cap:,}개까지인 신경망만 허용했어요. 이 신경망의 파라미터는 {asked:,}개예요."
    ),
    "caps.layers": (
        "이 수업에서는 선생님이 층 {cap}개까지인 신경망만 허용했어요(출력층 포함). 이 신경망은 층이 {asked}개예요."
    ),
    "caps.text.network": "신경망은 파라미터 {parameters}개, 층 {layers}개까지",
    "teacher.caps.parameters": "신경망의 최대 파라미터 수",
    "teacher.caps.parameters_help": "이름 있는 모델과 직접 만든 신경망 모두에 적용돼요. 튜토리얼 모델은 795,010개예요.",
    "teacher.caps.layers": "직접 만든 신경망의 최대 층 수",
    "teacher.caps.layers_help": "학생이 쓴 층과 출력층을 세요.",
    "link.ignored_layers": "링크에 있던 층 구성은 쓰지 않았어요. {reason}",
    "link.unreadable_layers": (
        '링크에 있던 layers={value} 값은 쓰지 않았어요. 층 구성은 영문자, 숫자, 공백, 마침표와 ";"로만 써요.'
    ),
    "notebook.model.custom": (
        "## 4. 모델 만들기\n"
        "앱에서 `{spec}`(으)로 쓴 신경망이에요. 앱이 덧붙인 층도 그대로 있어요. 첫 합성곱이나 풀링 앞에는 채널 "
        "하나짜리 이미지로 바꾸는 `Reshape`, 첫 `Dense` 층 앞에는 `Flatten`, 맨 끝에는 합이 1인 확률 10개를 "
        "내놓는 출력층 `Dense(10, softmax)`가 있어요. 파라미터는 {parameters:,}개예요."
    ),
    "notebook.l2": (
        "**가중치 감쇠.** 모든 `Dense`와 `Conv2D` 커널에 비율 `L2` = {rate}의 L2 벌점이 붙어요. 가중치의 제곱이 "
        "클수록 손실이 커지니, 학습하면서 가중치도 작게 유지돼요."
    ),
    "notebook.init_seed": (
        "**시작 가중치.** 커널마다 `INIT_SEED`와 층의 순서로 섞어 만든 자기만의 시드로 시작 가중치를 뽑아요. "
        "앱과 똑같이 섞기 때문에, `SEED`가 무엇이든 이 신경망은 그 학습의 바로 그 시작 가중치에서 출발해요. "
        "`INIT_SEED`는 그대로 두고 설정 하나만 바꾸면 그 설정의 효과만 볼 수 있어요."
    ),
    "notebook.noise": (
        "**픽셀 잡음.** 앱에서는 훈련 배치마다 잡음을 더했어요. 표준편차 {noise}인 정규분포에서 뽑은 수를 픽셀마다 "
        "더하고(에포크와 배치마다 새로 뽑아요), 픽셀을 다시 0..1 안으로 잘라요. 아래의 `tf.data` 파이프라인이 "
        "같은 일을 해요. 테스트 이미지에는 잡음이 없어요."
    ),
    "notebook.validation": (
        "**검증 데이터 떼어 두기.** 튜토리얼의 `validation_data=(x_test, y_test)`는 에포크마다 테스트 이미지를 "
        "학습 과정에 보여 줘요. 신경망이 그 이미지로 배우지는 않지만, val_accuracy를 보며 에포크나 학습률이나 층을 "
        "고르면 신경망을 테스트 세트에 맞추게 되고, 그러면 테스트 점수는 더 이상 공정한 시험이 아니에요. 이 학습은 "
        "대신 훈련 이미지의 마지막 {share}%를 떼어 두었어요. 에포크마다 그 이미지로 채점하고, 테스트 이미지는 "
        "마지막 `evaluate`까지 기다려요."
    ),
    "notebook.fit_validation": (
        "## 6. 모델 학습\n"
        "배치 크기는 {batch}, 에포크는 {epochs}번이에요. 에포크가 끝날 때마다 Keras가 떼어 둔 이미지로도 채점해요"
        "(`validation_data=(x_val, y_val)`). 그것이 val_로 시작하는 값들이에요. 테스트 이미지는 8단계까지 보지 "
        "않아요."
    ),
    "notebook.curves_validation": (
        "## 7. 네 개의 곡선\n"
        "에포크마다 훈련 이미지에서 잰 손실과 정확도(loss, accuracy), 떼어 둔 이미지에서 잰 손실과 정확도"
        "(val_loss, val_accuracy)예요."
    ),
    "notebook.code.l2": "가중치 감쇠: 모든 커널에 붙는 L2 벌점의 비율",
    "notebook.code.init_seed": "시작 가중치만의 시드(None이면 SEED에서 나와요)",
    "notebook.code.noise": "훈련 픽셀에 더하는 잡음의 표준편차",
    "notebook.code.validation": "검증용으로 떼어 두는 훈련 이미지의 비율",
    "notebook.code.weights": "커널 하나의 시작 가중치와 가중치 감쇠, 앱에서 정한 그대로예요.",
    "notebook.code.held_out": "훈련 이미지의 마지막 VALIDATION_SPLIT만큼을 검증용으로 떼어 둬요",
    "notebook.code.noise_pipeline": "에포크와 배치마다 새 잡음을 더하고 다시 0..1 안으로 잘라요",
    # Issue #32 on the pages (ui/explain_views.py, map_views.py, fool_views.py; mnist_core/text/explain_words.py):
    # where it looked, the map of what it learned, and fooling it.
    "why.where.title": "어디를 보고 읽었을까요?",
    "why.where.help": (
        "네모 하나가 신경망 입력의 픽셀 하나예요. 주황색: 이 잉크가 신경망을 그 숫자 쪽으로 밀었어요. 점 찍힌 "
        "보라색: 그 숫자에서 멀어지게 밀었어요. 흰색: 잉크가 없거나 어느 쪽으로도 밀지 않았어요. 두 지도는 같은 "
        "기준으로 칠했어요."
    ),
    "why.where.input": "입력",
    "why.where.answer": "{digit}(으)로 읽은 이유 ({probability})",
    "why.where.runner_up": "{digit}(이)가 아닌 이유 ({probability})",
    "why.where.answer_words": "**{digit}(으)로 읽은 이유:** {evidence}",
    "why.where.runner_up_words": "**{digit}(이)가 아닌 이유:** {evidence}",
    "why.where.alt": (
        "{digit}에 대한 28 × 28 입력의 히트맵: 잉크가 {digit} 쪽으로 미는 곳은 주황색, 멀어지게 미는 곳은 점 찍힌 "
        "보라색이에요. {evidence_for} {evidence_against}"
    ),
    "why.where.legend": "점 찍힌 보라색: 멀어지게 밀어요 · 흰색: 밀지 않아요 · 주황색: 그 숫자 쪽으로 밀어요.",
    "why.where.legend_alt": (
        "왼쪽에서 오른쪽으로 색의 눈금: 숫자에서 강하게 멀어지게 미는 잉크는 점 찍힌 진한 보라색, 옅은 보라색, 밀지 "
        "않으면 흰색, 옅은 주황색, 숫자 쪽으로 강하게 미는 잉크는 진한 주황색이에요."
    ),
    "why.where.unsupported": "이 신경망에는 히트맵이 아직 들여다볼 수 없는 층이 있어요.",
    "learn.where.title": "히트맵은 신경망이 어디를 봤는지 어떻게 알까요?",
    "learn.where.body": (
        "앱은 픽셀마다 이렇게 물어요. 이 픽셀이 조금 더 밝으면 그 숫자에 대한 신경망의 점수가 얼마나 오르거나 "
        "내릴까? 이것이 **기울기(gradient)**예요. 여기에 그 픽셀의 잉크를 곱하면(**기울기 × 입력**), 빈 픽셀과 "
        "비교해 그 잉크가 점수를 얼마나 보탰는지 알 수 있어요.\n\n"
        "- 주황색 잉크는 그 숫자 편, 보라색 잉크는 반대편이에요.\n"
        '- 두 번째 지도는 "왜 두 번째 후보가 아닐까?"에 답해요. 그 숫자에 반대하는 잉크가 닮은 두 숫자를 가르는 '
        "경우가 많아요.\n\n"
        "지도가 가장 강하게 표시한 픽셀을 지우면, 같은 수의 다른 잉크 픽셀을 지울 때보다 신경망의 확신이 훨씬 많이 "
        "떨어져요. 지도는 신경망이 실제로 쓰는 곳을 가리켜요."
    ),
    "why.map.show": "신경망이 배운 것의 지도 보기",
    "why.map.show_help": (
        "테스트 이미지 2,000개를 신경망의 마지막 은닉층이 본 대로 늘어놓은 지도예요. 내 그림도 그 사이에 놓여요."
    ),
    "why.map.title": "신경망이 배운 것의 지도",
    "why.map.help": (
        "테스트 이미지 {count:,}개를, 신경망의 마지막 은닉층이 비슷하게 보는 이미지끼리 가까이 놓았어요. 점의 색과 "
        "무리 한가운데에 적힌 숫자가 진짜 레이블이에요. 진한 테두리의 가위표는 신경망이 틀리게 읽는 테스트 "
        "이미지예요. 점을 누르면 그 이미지를 볼 수 있어요."
    ),
    "why.map.alt": (
        "테스트 이미지 {count:,}개의 지도: 점마다 진짜 레이블의 색이에요. 아래 문장이 지도의 내용을 말해 줘요."
    ),
    "why.map.label": "진짜 레이블",
    "why.map.verdict": "읽은 결과",
    "why.map.read_as": "신경망이 읽은 숫자",
    "why.map.right": "맞음",
    "why.map.wrong": "틀림",
    "why.map.you": "내 그림",
    "why.map.words": "지도 위의 테스트 이미지 {count:,}개 중 {wrong}개를 신경망이 틀리게 읽어요.",
    "why.map.close": "서로 가장 가까이 있는 레이블: {pairs}.",
    "why.map.apart": "서로 많이 섞이는 레이블이 없어요. 무리마다 떨어져 있어요.",
    "why.map.pair": "{first}와(과) {second}",
    "why.map.placed": (
        "내 그림은 진한 마름모예요. 마지막 은닉층에서 가장 가까운 테스트 이미지 {count}개가 있는 곳에 놓였어요. "
        "그 이미지들의 레이블: {labels}."
    ),
    "why.map.pick_hint": "지도에서 점을 누르면 그 테스트 이미지가 여기 나와요.",
    "why.map.picked": "테스트 이미지 {index}번 · 레이블 {label} · 읽은 숫자 {read} ({confidence})",
    "why.map.picked_alt": (
        "지도에서 고른 테스트 이미지 {index}번: 레이블은 {label}이고, 신경망은 {read}(으)로 읽어요. 확신도 "
        "{confidence}. {verdict}"
    ),
    "why.map.being_made": "이 실행의 지도를 만들고 있어요. {seconds}초쯤 걸려요. 다 되면 여기에 저절로 나타나요.",
    "why.map.failed": "이 실행의 지도를 만들지 못했어요.",
    "why.map.failed_advice": (
        "1분 뒤에 페이지가 다시 요청하면 한 번 더 만들어 봐요. 또 실패하면 서버를 운영하는 분께 알려 주세요. 이유는 "
        "아래에 있어요."
    ),
    "why.map.damaged": "이 실행과 함께 저장된 지도를 읽을 수 없어요.",
    "why.map.damaged_advice": (
        "실행 폴더의 embedding.npz를 지우세요(모델은 그대로예요). 다음에 페이지가 요청할 때 지도를 다시 만들어요."
    ),
    "why.map.no_data": "이 서버에서는 테스트 이미지를 쓸 수 없어요.",
    "learn.map.title": "지도는 무엇을 보여 줄까요?",
    "learn.map.body": (
        "신경망은 답하기 바로 전에 이미지마다 긴 숫자 목록을 만들어요. 마지막 은닉층이에요. 지도는 이 목록들을 "
        "2차원으로 줄이면서(PCA 다음에 **t-SNE**) 목록이 비슷한 이미지끼리 모아 놓아요.\n\n"
        "- 신경망에게 닮아 보이는 숫자끼리 가까이 있어요. 4와 9, 3과 5, 7과 9가 자주 맞닿아요.\n"
        "- 가위표는 신경망의 실수예요. 대부분 무리의 가장자리나, 신경망이 읽은 숫자의 무리 안에 있어요.\n"
        "- 조금밖에 배우지 못한 신경망의 지도는 덜 또렷해요. 학습하지 않은 신경망도 무리가 조금은 생기지만(같은 숫자의 "
        "이미지는 원래 픽셀이 많이 겹치니까요) 서로 더 많이 겹쳐요.\n\n"
        "내 그림은 은닉층에서 가장 가까운 테스트 이미지들을 보고 자리를 정해요."
    ),
    "why.fool.title": "신경망 속이기",
    "why.fool.help": (
        "내 그림을 조금씩 바꿔서 신경망이 다른 숫자로 읽게 만들어요. 어떤 숫자로 읽힐지는 내가 골라요. 픽셀 하나는 "
        "255단계 중 {most}단계보다 더 바뀌지 않아요."
    ),
    "why.fool.target": "이 숫자로 읽게 하기",
    "why.fool.button": "속이기",
    "why.fool.none": "숫자를 그리고, 다른 숫자를 고른 다음 속이기를 누르세요.",
    "why.fool.under_way": "신경망이 {target}(으)로 읽을 때까지 그림을 바꾸고 있어요(길어야 {seconds}초) …",
    "why.fool.failed": "이 신경망은 여기서 속일 수 없어요. 아직 들여다볼 수 없는 층이 있어요.",
    "why.fool.original": "내 그림: {read}(으)로 읽음 ({confidence})",
    "why.fool.changed": "바꾼 그림: {read}(으)로 읽음 ({confidence})",
    "why.fool.change": "바뀐 부분, 크게 보기",
    "why.fool.original_alt": "신경망이 읽은 내 그림: {read}, 확신도 {confidence}.",
    "why.fool.changed_alt": (
        "바꾼 뒤의 내 그림. 사람 눈에는 똑같아 보이지만, 신경망은 이제 {read}(으)로 읽어요. 확신도 {confidence}."
    ),
    "why.fool.change_alt": (
        "바뀐 부분을 크게 본 그림: 픽셀 {pixels}개가 바뀌었어요. 잉크를 더한 곳은 주황색, 뺀 곳은 점 찍힌 "
        "보라색이에요. 가장 크게 바뀐 곳은 255단계 중 {largest}단계예요."
    ),
    "why.fool.lesson": (
        "사람 눈에는 여전히 {original}인데 신경망은 {read}(으)로 보는 까닭: 신경망은 우리처럼 획을 보지 않아요. "
        "784개 픽셀 하나하나에 무게를 매겨 작은 밀기를 모두 더하기 때문에, 알맞은 곳의 아주 작은 변화가 모이면 답이 "
        "바뀌어요."
    ),
    "why.fool.lesson_held": (
        "이번에는 신경망이 버텼어요. 정해진 한도 안에서는 {target}(으)로 읽지 않았어요. 다른 숫자나, 신경망이 덜 "
        "확신하는 그림으로 해 보세요. 사람은 어느 쪽이든 여전히 {original}(으)로 읽어요."
    ),
    "why.fool.meant": "내가 그린 숫자",
    "why.fool.give": '반 친구들의 "신경망을 속인 그림" 게시판에 주기',
    "why.fool.given": "주었어요. 신경망이 {read}(으)로 읽는 내 {meant}이(가) 반 게시판에 올라갔어요.",
    "learn.fool.title": "어떻게 이렇게 작은 변화로 속일 수 있을까요?",
    "learn.fool.body": (
        "앱은 고른 숫자가 더 그럴듯해지려면 픽셀마다 어느 쪽으로 움직여야 하는지(기울기) 신경망에게 묻고, 모든 "
        "픽셀을 그쪽으로 조금씩 옮긴 다음 다시 물어요. 신경망이 그 숫자로 읽을 때까지 되풀이해요. 이것이 되풀이한 "
        "**FGSM(빠른 기울기 부호 방법)**이에요.\n\n"
        "변화는 작고 넓게 퍼져 있어서 사람 눈에는 거의 보이지 않지만, 신경망은 모든 픽셀의 작은 밀기를 다 더해요. "
        "이런 **적대적 예제(adversarial example)**가 있기 때문에, 신경망의 답이 곧 신경망이 우리와 똑같이 본다는 "
        "증거는 아니에요."
    ),
    # Issue #31, build your own network (ui/network_builder.py, mnist_core/text/builder.py), the data settings
    # (ui/train_settings.py) and two runs compared image by image (ui/runs_views.py, mnist_core/text/comparison.py).
    "builder.title": "나만의 신경망 만들기",
    "builder.model_option": "직접 만든 신경망 (아래에서 만들기)",
    "builder.intro": (
        "준비된 신경망에서 시작해 층을 더하고, 빼고, 옮겨 보세요. Dense 층과 합성곱 층은 층마다 활성화 함수를 "
        "고를 수 있습니다. 출력층(유닛 10개, softmax)은 언제나 맨 끝에 있습니다. 그림, 표, 파라미터 수는 바꿀 때마다 "
        "바로 따라 바뀝니다."
    ),
    "builder.preset": "준비된 신경망에서 시작하기",
    "builder.preset_placeholder": "하나를 고르세요: 아래 층들을 바꿔 놓습니다",
    "builder.preset.tutorial": "튜토리얼의 신경망: 유닛 1,000개인 Dense 층 하나",
    "builder.preset.deep_sigmoid": "깊고 좁은 sigmoid 신경망, 6 × 32 (기울기 소실)",
    "builder.preset.deep_relu": "깊고 좁은 relu 신경망, 6 × 32 (같은 신경망을 relu로)",
    "builder.preset.wide": "드롭아웃 없는 넓은 신경망, 2 × 1,000 (적은 이미지에서 과적합)",
    "builder.preset.wide_dropout": "드롭아웃 0.5를 넣은 넓은 신경망, 2 × 1,000 (같은 신경망에 드롭아웃)",
    "builder.preset.cnn": "CNN: 합성곱과 풀링 두 번, 그다음 Dense 128",
    "builder.kind.dense": "Dense (완전 연결)",
    "builder.kind.conv": "Conv2D (합성곱)",
    "builder.kind.pool": "MaxPool (풀링)",
    "builder.kind.dropout": "Dropout (드롭아웃)",
    "builder.kind.batchnorm": "BatchNormalization (배치 정규화)",
    "builder.row_title": "**{position}.** {kind}",
    "builder.units": "유닛 수",
    "builder.filters": "필터 수",
    "builder.kernel": "커널 크기",
    "builder.pool_size": "정사각형 크기",
    "builder.rate": "비율",
    "builder.activation": "활성화 함수",
    "builder.up": "위로",
    "builder.up_help": "이 층을 입력 쪽으로 한 칸 옮깁니다.",
    "builder.down": "아래로",
    "builder.down_help": "이 층을 출력 쪽으로 한 칸 옮깁니다.",
    "builder.remove": "빼기",
    "builder.remove_help": "이 층을 신경망에서 뺍니다.",
    "builder.output_row": "**출력층:** Dense, 유닛 10개, softmax. 언제나 맨 끝: 클래스마다 확률 하나.",
    "builder.add_kind": "새 층",
    "builder.add": "층 더하기",
    "builder.l2": "가중치 감쇠 (L2 비율)",
    "builder.l2_help": (
        "신경망 전체에 적용됩니다: 손실에 이 비율 × (모든 가중치 제곱의 합)을 더해, 큰 가중치에 대가를 치르게 "
        "합니다. 0: 없음 (튜토리얼). 0.0001에서 0.001 사이를 해 보세요. 0.1 정도부터는 작은 가중치 말고는 거의 "
        "배우지 못합니다."
    ),
    "builder.text": "층을 글로 쓰기",
    "builder.text_help": (
        '명령줄의 --layers와 같은 형식으로, 층을 ";"로 나눠 씁니다: "dense 유닛수 활성화함수", '
        '"conv 필터수 커널크기 활성화함수", "pool 크기", "dropout 비율", "batchnorm". 쓰고 Enter를 누르세요.'
    ),
    "builder.fix": "순서 고치기",
    "builder.fix_help": "합성곱과 풀링 층을 첫 Dense 층 앞으로 옮깁니다: {layers}",
    "builder.fix_first": (
        "층을 만들 수 있을 때까지 시작할 수 없습니다. 무엇을 바꿀지는 위 신경망 만들기의 안내에 있습니다."
    ),
    "builder.parameters": "파라미터 {parameters:,}개, 층 {layers}개",
    "builder.estimate": (
        "이 서버에서 에포크 하나에 약 {time} (신경망의 크기와 지금까지 이 서버의 학습 속도로 어림한 값)."
    ),
    "builder.diagram.title": "층별로 본 신경망",
    "builder.diagram.sentence": (
        "{height} × {width} 이미지가 맨 위로 들어가 층 {layers}개를 지나, 클래스마다 하나씩 확률 {classes}개로 "
        "나옵니다. 파라미터는 모두 {parameters:,}개입니다. 상자마다 이미지 한 장에서 그 층이 내놓는 모양을 적었습니다."
    ),
    "builder.summary.title": "Keras가 출력하는 요약 표",
    "builder.box.input": "입력",
    "builder.box.input_detail": "그림: 0에서 1 사이의 회색 픽셀",
    "builder.box.output": "출력",
    "builder.box.output_detail": "Dense, 유닛 {classes}개, softmax: 클래스마다 확률 하나",
    "builder.box.dense_detail": "유닛 {units:,}개, {activation}",
    "builder.box.conv_detail": "{kernel} × {kernel} 픽셀 필터 {filters:,}개, {activation}",
    "builder.box.pool_detail": "{size} × {size} 정사각형마다 가장 큰 값",
    "builder.box.dropout_detail": "학습하는 동안 값의 {rate}만큼을 0으로",
    "builder.box.batchnorm_detail": "채널마다, 배운 평균과 퍼짐으로 다시 맞춤",
    "builder.box.flatten_detail": "이미지를 숫자 한 줄로 펼침",
    "builder.box.reshape_detail": "채널 하나를 더함: 합성곱은 채널이 있는 이미지를 받습니다",
    "builder.box.shape": "출력 모양: {shape}",
    "builder.box.parameters": "파라미터 {parameters:,}개",
    "train.settings.noise": "픽셀 노이즈",
    "train.settings.noise_help": (
        "학습 배치마다 모든 픽셀에 무작위 회색을 더합니다(매번 새로 뽑음). 픽셀이 0(검정)에서 1(흰색)일 때 노이즈의 "
        "퍼짐입니다. 0: 없음 (튜토리얼). 검증 이미지와 테스트 이미지는 깨끗하게 둡니다."
    ),
    "train.settings.validation": "검증용 비율",
    "train.settings.validation_help": (
        "에포크마다 학습을 확인하려고 떼어 두는 학습 이미지의 비율입니다. 0: 튜토리얼처럼 테스트 세트로 확인합니다 "
        "(아래 설명을 보세요)."
    ),
    "train.settings.init_seed": "같은 초기 가중치: 시드",
    "train.settings.init_seed_placeholder": "무작위",
    "train.settings.init_seed_help": (
        "비워 두면 학습할 때마다 초기 가중치가 새로 무작위로 정해집니다. 같은 숫자와 같은 층으로 학습하면 정확히 "
        "같은 가중치에서 시작하므로, 두 학습을 비교하면 다른 설정이 바꾼 것만 보입니다."
    ),
    "learn.validation.title": "검증 데이터: 왜 테스트 세트가 아닐까?",
    "learn.validation.body": (
        "튜토리얼은 `validation_data=(x_test, y_test)`로 학습합니다. 에포크가 끝날 때마다 학습 루프가 **테스트 "
        "세트**로 신경망을 채점하고, 우리는 val_loss를 보고 몇 에포크를 학습할지 정합니다. 테스트 점수를 보고 고르면 "
        "그 점수는 조금 너무 좋게 나옵니다. 테스트 세트가 신경망을 고르는 데 쓰였으니, 처음 보는 이미지를 얼마나 잘 "
        "읽는지 더는 재지 못합니다.\n\n"
        "**검증용 비율**을 정하면 대신 학습 이미지 일부를 떼어 둡니다 (Keras의 `validation_split`처럼 마지막 "
        "이미지들). 신경망은 그 이미지로 배우지 않고, 곡선은 그 이미지에서의 성적을 보여 주며, 테스트 세트는 마지막에 "
        "한 번 정직하게 채점하는 데만 쓰입니다."
    ),
    "compare.disagree.title": "두 학습 결과가 다르게 읽은 이미지",
    "compare.disagree.runs": "학습 A: {a}. 학습 B: {b}.",
    "compare.disagree.direction": "**{right}**는 맞히고 **{wrong}**는 틀린 테스트 이미지: {count:,}장",
    "compare.disagree.caption": "{label} · {run}: {read}",
    "compare.disagree.alt": "테스트 이미지, 레이블 {label}. {right}는 맞게 읽고, {wrong}는 {read}(으)로 읽었습니다.",
    "compare.disagree.none": "없음.",
    "compare.disagree.other_datasets": "두 학습은 서로 다른 데이터 세트로 배워서 같은 테스트 이미지가 없습니다.",
    "compare.disagree.computing": "두 모델로 테스트 세트를 읽는 중…",
    "compare.disagree.unreadable": "테스트 이미지를 비교할 수 없습니다: {reason}",
}
